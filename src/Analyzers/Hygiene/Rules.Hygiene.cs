using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers;

/// <summary>Descriptors of the Hygiene category (TST5xxx).</summary>
internal static partial class Rules
{
    public static readonly DiagnosticDescriptor TST5001 = Create(
        "TST5001",
        "Skipped test has no reason",
        "{0}; say why the test is skipped and what would let it run again",
        Categories.Hygiene,
        DiagnosticSeverity.Warning,
        "A skipped test without a reason is a test nobody will ever turn back on: the next reader cannot tell whether it is flaky, waiting for a fix, or obsolete. A short reason, ideally a link to the tracking issue, keeps the skip honest.");

    public static readonly DiagnosticDescriptor TST5002 = Create(
        "TST5002",
        "Test writes to the console",
        "{0} writes to the process console, which {1} does not attach to the running test; write to the test output instead",
        Categories.Hygiene,
        DiagnosticSeverity.Warning,
        "xUnit v2, and xUnit v3 unless the assembly says [assembly: CaptureConsole], do not capture Console output per test: it goes to the runner's own output, interleaved with every other test running in parallel, and is not shown with the test's result. Write to ITestOutputHelper (v2) or TestContext.Current.TestOutputHelper (v3) instead, or turn capture on in v3. NUnit, MSTest and TUnit capture the console per test and are not reported.");

    public static readonly DiagnosticDescriptor TST5003 = Create(
        "TST5003",
        "Skip reason is only a comment",
        "The skip reason \"{0}\" is only a comment{1}; move it into the attribute so runners and reports show why the test is skipped",
        Categories.Hygiene,
        DiagnosticSeverity.Info,
        "A comment beside a skip attribute (on the same line, inside its arguments, on the line above, or as the first line of the test) does say why the test is skipped, but only to someone reading the source: test runners, IDE test explorers and CI reports show the attribute's reason, which is empty. Moving the comment into the reason keeps the explanation where the skipped result is read.");
}
