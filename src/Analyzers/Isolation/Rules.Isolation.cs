using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers;

/// <summary>Descriptors of the Isolation category (TST4xxx).</summary>
internal static partial class Rules
{
    public static readonly DiagnosticDescriptor TST4001 = Create(
        "TST4001",
        "Test class shares mutable static state",
        "Static {0} '{1}' {2}, so tests of the class can see each other's changes; make it an instance member, or read-only and never modified",
        Categories.Isolation,
        DiagnosticSeverity.Info,
        "Static members live for the whole test run. When one test changes them, every later test (and every test running at the same time) starts from that leftover state, so the outcome depends on which tests ran before. Keep state per test: an instance member set up fresh for each test, or a read-only value nobody changes.");

    public static readonly DiagnosticDescriptor TST4002 = Create(
        "TST4002",
        "Test depends on execution order",
        "{0} makes {1} run in a chosen order, so they can rely on what earlier tests left behind; let each test arrange its own state instead",
        Categories.Isolation,
        DiagnosticSeverity.Warning,
        "A test that only passes after another one has run cannot be run alone, filtered, retried or parallelized, and a failure in the first test cascades into the others. Each test should set up what it needs itself.");

    public static readonly DiagnosticDescriptor TST4003 = Create(
        "TST4003",
        "Unseeded randomness in tests",
        "{0} produces different values on every run, so a failure cannot be reproduced; use a Random with a fixed seed",
        Categories.Isolation,
        DiagnosticSeverity.Info,
        "Random input without a known seed makes a test that fails once impossible to replay: the next run draws other values and passes. A fixed seed keeps the variety of the data and makes every run repeatable.");

    public static readonly DiagnosticDescriptor TST4004 = Create(
        "TST4004",
        "Test changes process state without restoring it",
        "{0} changes state the whole test process shares and the test never sets it back; save the old value and restore it in a finally or in the class's teardown",
        Categories.Isolation,
        DiagnosticSeverity.Info,
        "Environment variables, the current culture and the current directory belong to the process (or leak into the thread pool), not to one test. A test that changes them and leaves them changed makes every later or parallel test run in a different world: they pass or fail depending on order. Restore the saved value in a finally block or in the teardown, or use a scope object or the framework's [SetCulture] attribute.");

    public static readonly DiagnosticDescriptor TST4005 = Create(
        "TST4005",
        "Test uses a hard-coded port",
        "{0} uses the fixed port {1}, which another test, a parallel run or another program on the machine may hold at the same time; let the system choose a free port (port 0) and pass the chosen port on",
        Categories.Isolation,
        DiagnosticSeverity.Info,
        "A fixed port works until two test classes, two target frameworks or two builds on the same agent run at once, or until some other program listens on it: then the listener fails to start or the client talks to the wrong server. Asking the system for a free port (port 0) and reading back the port it chose keeps every run on its own port.");

    public static readonly DiagnosticDescriptor TST4006 = Create(
        "TST4006",
        "Test writes to a fixed shared path",
        "{0} writes to a fixed path under {1}, which parallel tests and other runs on the machine share; add a unique part to the name (Path.GetRandomFileName(), a Guid)",
        Categories.Isolation,
        DiagnosticSeverity.Info,
        "A file or folder with a fixed name under the temp folder or the working directory is shared by every test that uses the name, by the other target frameworks of the test project and by other builds on the same machine. Tests running at the same time overwrite or delete each other's files, and a file left behind by an earlier run changes the next one. A unique name per test keeps each test's files its own.");

    public static readonly DiagnosticDescriptor TST4007 = Create(
        "TST4007",
        "Test depends on the machine's culture or time zone",
        "{0} {1}, so the assertion passes or fails depending on the machine's {2}; {3}",
        Categories.Isolation,
        DiagnosticSeverity.Info,
        "Formatting and parsing numbers and dates without a format provider use the current culture, and local-time conversions use the machine's time zone. An assertion that compares such a value with a fixed one passes on the developer's machine and fails on a build agent set to another culture or time zone. Pass CultureInfo.InvariantCulture (or the culture the test is about), and compare instants in UTC or with an explicit time zone.");
}
