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
        DiagnosticSeverity.Warning,
        "A fixed sleep is either too short on a loaded build agent (the test flakes) or longer than needed everywhere else (the suite crawls). Wait until the expected condition holds, with a timeout, or advance a fake clock.");

    public static readonly DiagnosticDescriptor TST1002 = Create(
        "TST1002",
        "Do not wait a fixed time with Task.Delay in tests",
        "Task.Delay({0}) makes the test wait a fixed time; wait for the condition the test expects instead",
        Categories.Time,
        DiagnosticSeverity.Warning,
        "Awaiting a fixed delay is the asynchronous form of Thread.Sleep: too short on a busy machine, too long everywhere else. Poll for the expected condition with a timeout, or advance a fake clock.");
}
