using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers;

/// <summary>Descriptors of the Time category (TST1xxx).</summary>
internal static partial class Rules
{
    public static readonly DiagnosticDescriptor TST1001 = Create(
        "TST1001",
        "Do not use Thread.Sleep in tests",
        "Thread.Sleep({0}) makes the test wait a fixed time; wait for the condition the test expects instead",
        Categories.Time,
        DiagnosticSeverity.Info,
        "A fixed sleep is either too short on a loaded build agent (the test flakes) or longer than needed everywhere else (the suite crawls). Wait until the expected condition holds, with a timeout, or advance a fake clock.");

    public static readonly DiagnosticDescriptor TST1002 = Create(
        "TST1002",
        "Do not wait a fixed time with Task.Delay in tests",
        "Task.Delay({0}) makes the test wait a fixed time; wait for the condition the test expects instead",
        Categories.Time,
        DiagnosticSeverity.Info,
        "Awaiting a fixed delay is the asynchronous form of Thread.Sleep: too short on a busy machine, too long everywhere else. Poll for the expected condition with a timeout, or advance a fake clock.");

    public static readonly DiagnosticDescriptor TST1003 = Create(
        "TST1003",
        "Do not read the wall clock in tests",
        "{0} {1}; use a FakeTimeProvider or a fixed instant",
        Categories.Time,
        DiagnosticSeverity.Info,
        "A test whose outcome depends on the current time behaves differently at midnight, at month end, across daylight-saving changes and on agents in other time zones: an instant asserted, two reads compared, local time, a calendar part, a deadline loop, a fake clock bypassed. Give the code under test a FakeTimeProvider, or compare against a fixed instant.");

    public static readonly DiagnosticDescriptor TST1004 = Create(
        "TST1004",
        "Inject TimeProvider instead of reading the ambient clock",
        "{0} reads the ambient clock inside '{1}', which tests cannot control; inject a TimeProvider and read the time from it",
        Categories.Time,
        DiagnosticSeverity.Info,
        "Code that reads DateTime.Now or DateTimeOffset.UtcNow directly can only be tested at the real current time. Taking a TimeProvider in the constructor lets tests pass a FakeTimeProvider and set or advance time at will.");

    public static readonly DiagnosticDescriptor TST1005 = Create(
        "TST1005",
        "Pass the available TimeProvider to delays and timers",
        "{0} runs on real time although '{1}' is available; pass the TimeProvider so that tests can advance time",
        Categories.Time,
        DiagnosticSeverity.Info,
        "A type that takes a TimeProvider but still calls Task.Delay, creates a Timer, or sets a timeout without it waits on real time: a test that advances a FakeTimeProvider never releases that wait. Pass the TimeProvider to the overloads that accept it.");
}
