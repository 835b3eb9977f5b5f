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
        "{0} writes to the process console, where test runners do not attach it to this test; write to the test framework's output instead",
        Categories.Hygiene,
        DiagnosticSeverity.Info,
        "Console output from a test is lost or interleaved with other tests when tests run in parallel, and most runners do not show it next to the test that wrote it. The frameworks' own test output (xUnit ITestOutputHelper and TestContext, NUnit TestContext.Out, MSTest TestContext, TUnit TestContext) is captured per test and shown with its result.");
}
