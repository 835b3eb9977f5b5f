using Microsoft.CodeAnalysis.CodeFixes;
using TestSmells.Analyzers.CodeFixes.Infrastructure;

namespace TestSmells.Analyzers.CodeFixes.Time;

/// <summary>
/// The one Fix All of TST1001/TST1002, shared by both of their fixers: each fixed wait is replaced by
/// <c>fake.Advance(...)</c> where a <c>FakeTimeProvider</c> is in scope, else by a poll until the next
/// assertion holds, whichever fixer (and whichever of its keys) the request came from.
/// </summary>
internal static class FixedWaitFixAll
{
    public static readonly FixAllProvider Instance = FixAllPerFinding.Batch(
        new CodeFixProvider[] { new AdvanceFakeClockCodeFix(), new PollUntilAssertedCodeFix() },
        AdvanceFakeClockCodeFix.EquivalenceKey,
        PollUntilAssertedCodeFix.EquivalenceKey);
}
