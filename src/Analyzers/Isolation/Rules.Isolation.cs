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
        DiagnosticSeverity.Warning,
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
        DiagnosticSeverity.Warning,
        "Random input without a known seed makes a test that fails once impossible to replay: the next run draws other values and passes. A fixed seed keeps the variety of the data and makes every run repeatable.");
}
