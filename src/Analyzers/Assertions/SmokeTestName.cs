using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TestSmells.Analyzers.Assertions;

/// <summary>
/// Test names that state a smoke test's intent: the test passes when the code runs to the end
/// (<c>Parse_DoesNotThrow</c>, <c>Dispose_ShouldNotThrow</c>, <c>Save_IsIdempotent</c>,
/// <c>Shutdown_DoesNotDeadlock</c>, <c>Render_DoesNotCrash</c>, <c>NoThrow_on_empty_input</c>).
/// Matched on the letters of the name (or comment), ignoring case.
/// </summary>
internal static class SmokeTestName
{
    private static readonly string[] Intents =
    {
        "notthrow", "nothrow", "doesntthrow", "dontthrow", "wontthrow", "withoutthrowing", "noexception", "withoutexception", "withoutanexception",
        "idempotent",
        "notdeadlock", "nodeadlock", "doesntdeadlock", "withoutdeadlock", "deadlockfree",
        "notcrash", "nocrash", "doesntcrash", "withoutcrash",
        "nothang", "doesnthang", "withouthanging",
    };

    public static bool States(string name)
    {
        var plain = Plain(name);
        foreach (var intent in Intents)
        {
            if (plain.IndexOf(intent, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a comment in the test states the same intent (<c>// Act and assert: does not throw</c>):
    /// the author wrote the smoke test on purpose.
    /// </summary>
    public static bool StatedInComments(SyntaxNode declaration)
    {
        // A comment starts with a slash: search the declaration's text for one, and ask the tree only there
        // (walking every token and trivia of a long test cost more than the rest of TST3001's check).
        var span = declaration.FullSpan;
        var text = declaration.SyntaxTree.GetText().ToString(span);
        var slash = text.IndexOf('/');
        while (slash >= 0 && slash < text.Length - 1)
        {
            var next = text[slash + 1];
            if (next is '/' or '*')
            {
                var trivia = declaration.FindTrivia(span.Start + slash);
                if ((trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                    && trivia.SpanStart == span.Start + slash)
                {
                    if (States(trivia.ToString()))
                    {
                        return true;
                    }

                    slash = trivia.Span.End - span.Start - 1;
                }
            }

            slash = text.IndexOf('/', slash + 1);
        }

        return false;
    }

    private static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (char.IsLetter(character))
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }
}
