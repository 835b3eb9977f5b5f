using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TestSmells.Analyzers.Hygiene;

/// <summary>
/// TST5003: the reason a skip gives only in a comment. Looked for, in this order, in the places a
/// person writes it: inside the attribute's argument list (<c>[Ignore(/* why */)]</c>), after the
/// attribute on its line (<c>[Ignore] // why</c>), on the lines directly above the attribute (no
/// blank line between), and as the first line of the test method's body. A comment is not a reason
/// when it is commented-out code (<c>// [Ignore("old")]</c>, a line ending in <c>;</c>, <c>{</c> or
/// <c>}</c>), a bare task marker (<c>// TODO</c> with nothing after it), a tool directive
/// (<c>// ReSharper disable ...</c>), a note about one of our rules (<c>// TST5001 ...</c>), or,
/// in the body, an Arrange/Act/Assert (Given/When/Then) heading. Documentation comments and
/// preprocessor directives are never read, and they end a run of comment lines above the attribute.
/// </summary>
internal static class SkipReasonComment
{
    private static readonly Regex RuleId = new(@"\bTST\d{4}\b", RegexOptions.CultureInvariant);

    private static readonly Regex TaskMarkerOnly = new(@"^(TODO|FIXME|HACK|NOTE|BUG|XXX)\W*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex StepHeading = new(
        @"^(arrange|act|assert|given|when|then|setup|set up)(\s*(&|and|/|,|\+)?\s*(arrange|act|assert|given|when|then))*\W*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The reason written in comments next to <paramref name="attribute"/> and the comments it was read from; null when there is none.</summary>
    public static (string Reason, ImmutableArray<Location> Comments)? Find(AttributeSyntax attribute)
    {
        if (attribute.Parent is not AttributeListSyntax list)
        {
            return null;
        }

        var comments = new List<SyntaxTrivia>();
        if (attribute.ArgumentList is { } arguments)
        {
            foreach (var trivia in arguments.DescendantTrivia())
            {
                if (IsComment(trivia))
                {
                    comments.Add(trivia);
                }
            }

            if (Read(comments, isBody: false) is { } inside)
            {
                return inside;
            }
        }

        comments.Clear();
        var last = LastListOnTheSameLine(list);
        foreach (var trivia in last.CloseBracketToken.TrailingTrivia)
        {
            if (IsComment(trivia))
            {
                comments.Add(trivia);
                break;
            }

            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        if (Read(comments, isBody: false) is { } trailing)
        {
            return trailing;
        }

        if (Read(CommentsDirectlyAbove(list.OpenBracketToken.LeadingTrivia), isBody: false) is { } above)
        {
            return above;
        }

        if (list.Parent is MethodDeclarationSyntax { Body: { } body })
        {
            return Read(CommentsOpening(body), isBody: true);
        }

        return null;
    }

    private static bool IsComment(SyntaxTrivia trivia)
        => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);

    /// <summary>The last attribute list of the member that ends on the line where <paramref name="list"/> ends.</summary>
    private static AttributeListSyntax LastListOnTheSameLine(AttributeListSyntax list)
    {
        if (list.Parent is not MemberDeclarationSyntax member)
        {
            return list;
        }

        var lists = member.AttributeLists;
        var last = list;
        for (var i = lists.IndexOf(list) + 1; i < lists.Count; i++)
        {
            if (HasEndOfLine(last.CloseBracketToken.TrailingTrivia) || HasEndOfLine(lists[i].OpenBracketToken.LeadingTrivia))
            {
                break;
            }

            last = lists[i];
        }

        return last;
    }

    private static bool HasEndOfLine(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The run of comment lines at the end of <paramref name="leading"/> (the trivia before an
    /// attribute list's bracket): each on its own line, the last on the line just above, no blank
    /// line or other trivia in between.
    /// </summary>
    private static List<SyntaxTrivia> CommentsDirectlyAbove(SyntaxTriviaList leading)
    {
        var found = new List<SyntaxTrivia>();
        var i = leading.Count - 1;
        SkipWhitespace(leading, ref i);
        while (i >= 0 && leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
        {
            var end = i - 1;
            SkipWhitespace(leading, ref end);
            if (end < 0 || !IsComment(leading[end]))
            {
                break;
            }

            // The comment must start its line: only indentation before it, back to a line break or the start.
            var start = end - 1;
            SkipWhitespace(leading, ref start);
            if (start >= 0 && !leading[start].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                break;
            }

            found.Insert(0, leading[end]);
            i = start;
        }

        return found;
    }

    /// <summary>The comments the body opens with: on the brace's line, or the first lines before any code or blank line.</summary>
    private static List<SyntaxTrivia> CommentsOpening(BlockSyntax body)
    {
        var found = new List<SyntaxTrivia>();
        foreach (var trivia in body.OpenBraceToken.TrailingTrivia)
        {
            if (IsComment(trivia))
            {
                found.Add(trivia);
                return found;
            }
        }

        var next = body.Statements.Count > 0 ? body.Statements[0].GetFirstToken() : body.CloseBraceToken;
        var leading = next.LeadingTrivia;
        for (var i = 0; i < leading.Count; i++)
        {
            var trivia = leading[i];
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                continue;
            }

            if (IsComment(trivia))
            {
                found.Add(trivia);
                if (i + 1 < leading.Count && leading[i + 1].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    i++;
                }

                continue;
            }

            break;
        }

        return found;
    }

    private static void SkipWhitespace(SyntaxTriviaList trivia, ref int index)
    {
        while (index >= 0 && trivia[index].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            index--;
        }
    }

    /// <summary>The reason the comments give, joined into one line; null when any of them is not a reason.</summary>
    private static (string Reason, ImmutableArray<Location> Comments)? Read(List<SyntaxTrivia> comments, bool isBody)
    {
        if (comments.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        var locations = ImmutableArray.CreateBuilder<Location>(comments.Count);
        foreach (var comment in comments)
        {
            var line = Text(comment);
            if (!IsReason(line, isBody))
            {
                return null;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(line);
            locations.Add(comment.GetLocation());
        }

        return (text.ToString(), locations.MoveToImmutable());
    }

    /// <summary>The words of a comment: without its delimiters, leading asterisks and extra spaces.</summary>
    private static string Text(SyntaxTrivia comment)
    {
        var raw = comment.ToString();
        // An unterminated "/*" runs to the end of the file; "/*/" is not closed either.
        var closed = comment.IsKind(SyntaxKind.MultiLineCommentTrivia) && raw.Length >= 4 && raw.EndsWith("*/", System.StringComparison.Ordinal);
        raw = raw.Length < 2 ? string.Empty : raw.Substring(2, raw.Length - (closed ? 4 : 2));
        var words = new StringBuilder();
        foreach (var part in raw.Split('\n'))
        {
            var line = part.Trim().TrimStart('*', '/').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(line);
        }

        return words.ToString();
    }

    private static bool IsReason(string text, bool isBody)
    {
        var hasLetter = false;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                hasLetter = true;
                break;
            }
        }

        if (!hasLetter
            || RuleId.IsMatch(text)
            || TaskMarkerOnly.IsMatch(text)
            || text.StartsWith("ReSharper ", System.StringComparison.Ordinal)
            || text.StartsWith("<", System.StringComparison.Ordinal)
            || (isBody && StepHeading.IsMatch(text)))
        {
            return false;
        }

        var end = text[text.Length - 1];
        return end is not (';' or '{' or '}')
            && !(text[0] == '[' && end == ']');
    }
}
