using System;

namespace TestSmells.Analyzers.Assertions;

/// <summary>
/// Test names that state a smoke test's intent: the test passes when the code runs to the end
/// (<c>Parse_DoesNotThrow</c>, <c>Dispose_ShouldNotThrow</c>, <c>Save_IsIdempotent</c>,
/// <c>Shutdown_DoesNotDeadlock</c>, <c>Render_DoesNotCrash</c>, <c>NoThrow_on_empty_input</c>).
/// Matched on the name without underscores, ignoring case.
/// </summary>
internal static class SmokeTestName
{
    private static readonly string[] Intents =
    {
        "notthrow", "nothrow", "doesntthrow", "dontthrow", "withoutthrowing", "noexception", "withoutexception", "withoutanexception",
        "idempotent",
        "notdeadlock", "nodeadlock", "doesntdeadlock", "withoutdeadlock", "deadlockfree",
        "notcrash", "nocrash", "doesntcrash", "withoutcrash",
        "nothang", "doesnthang", "withouthanging",
    };

    public static bool States(string name)
    {
        var plain = name.Replace("_", string.Empty);
        foreach (var intent in Intents)
        {
            if (plain.IndexOf(intent, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
