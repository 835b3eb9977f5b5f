using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TestSmells.Analyzers.Hygiene;
using TestSmells.Analyzers.CodeFixes.Infrastructure;
using TestSmells.Analyzers.Model;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TestSmells.Analyzers.CodeFixes.Hygiene;

/// <summary>
/// TST5003: moves the reason written in a comment into the skip attribute and deletes the comment.
/// The reason goes where the attribute already has one, empty or blank (xUnit <c>Skip = "..."</c>,
/// NUnit <c>Ignore = "..."</c>/<c>IgnoreReason = "..."</c> on a data row or fixture, MSTest
/// <c>IgnoreMessage = "..."</c>, or the first positional argument: NUnit and MSTest
/// <c>[Ignore("...")]</c>, TUnit <c>[Skip("...")]</c>), or becomes the first argument of an MSTest
/// <c>[Ignore]</c> without one. A comment line is removed with its line; a comment after code keeps
/// the line and loses the comment. No fix when the comments changed since the analysis.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SkipReasonCommentCodeFix))]
[Shared]
public sealed class SkipReasonCommentCodeFix : DocumentFix
{
    public const string EquivalenceKey = "TST5003.MoveCommentIntoReason";

    private static readonly string[] ReasonNames = Frameworks.SkipReasonProperties;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST5003");

    private protected override string Title => "Move the comment into the skip reason";

    private protected override string Key => EquivalenceKey;

    private protected override bool NeedsSemanticModel => false;

    private protected override bool Applies(SyntaxNode root, SemanticModel? semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        => Plan(root, diagnostic) is not null;

    /// <summary>One attribute to give a reason, and the comments that held it.</summary>
    private sealed class Move
    {
        public Move(AttributeSyntax attribute, string reason, List<SyntaxTrivia> comments)
        {
            Attribute = attribute;
            Reason = reason;
            Comments = comments;
        }

        public AttributeSyntax Attribute { get; }

        public string Reason { get; }

        public List<SyntaxTrivia> Comments { get; }
    }

    /// <summary>The move <paramref name="diagnostic"/> asks for, re-checked against the current tree; null when the code changed.</summary>
    private static Move? Plan(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(SkipWithoutReasonAnalyzer.ReasonProperty, out var reason)
            || string.IsNullOrWhiteSpace(reason)
            || diagnostic.AdditionalLocations.Count == 0
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute
            || attribute.Span != diagnostic.Location.SourceSpan)
        {
            return null;
        }

        var comments = new List<SyntaxTrivia>();
        foreach (var location in diagnostic.AdditionalLocations)
        {
            var trivia = root.FindTrivia(location.SourceSpan.Start);
            if (trivia.Span != location.SourceSpan
                || !(trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)))
            {
                return null;
            }

            comments.Add(trivia);
        }

        return new Move(attribute, reason!, comments);
    }

    private protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var moves = diagnostics.Select(d => Plan(root, d)).OfType<Move>().ToList();
        if (moves.Count == 0)
        {
            return document;
        }

        // Tracking changes no text, so the comments are found again at the same positions.
        var tracked = root.TrackNodes(moves.Select(m => m.Attribute));
        var removed = new HashSet<SyntaxTrivia>();
        foreach (var comment in moves.SelectMany(m => m.Comments))
        {
            AddRemoval(tracked.FindTrivia(comment.SpanStart), removed);
        }

        var edited = tracked.ReplaceTrivia(removed, static (_, _) => default);
        foreach (var move in moves)
        {
            if (edited.GetCurrentNode(move.Attribute) is { } current)
            {
                edited = edited.ReplaceNode(current, WithReason(current, move.Reason));
            }
        }

        return document.WithSyntaxRoot(edited);
    }

    /// <summary>
    /// The comment and the blanks before it; for a comment alone on its line, the line break after
    /// it too, so the line disappears.
    /// </summary>
    private static void AddRemoval(SyntaxTrivia comment, HashSet<SyntaxTrivia> removed)
    {
        var token = comment.Token;
        var isLeading = token.LeadingTrivia.Contains(comment);
        var list = isLeading ? token.LeadingTrivia : token.TrailingTrivia;
        var index = list.IndexOf(comment);
        removed.Add(comment);

        var before = index - 1;
        while (before >= 0 && list[before].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            removed.Add(list[before]);
            before--;
        }

        // Leading trivia starts a line unless the token before ends without a line break (rare: a comment after code).
        var startsItsLine = before >= 0 ? list[before].IsKind(SyntaxKind.EndOfLineTrivia) : isLeading;
        var after = index + 1;
        while (after < list.Count && list[after].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            after++;
        }

        if (after < list.Count && list[after].IsKind(SyntaxKind.EndOfLineTrivia) && startsItsLine && isLeading)
        {
            for (var i = index + 1; i <= after; i++)
            {
                removed.Add(list[i]);
            }
        }
    }

    /// <summary><paramref name="attribute"/> with <paramref name="reason"/> as its skip reason.</summary>
    private static AttributeSyntax WithReason(AttributeSyntax attribute, string reason)
    {
        var literal = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(reason));
        var arguments = attribute.ArgumentList;
        if (arguments is not null)
        {
            foreach (var name in ReasonNames)
            {
                var named = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
                if (named is not null)
                {
                    return attribute.ReplaceNode(named.Expression, literal.WithTriviaFrom(named.Expression));
                }
            }

            var positional = arguments.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null);
            if (positional is not null)
            {
                return attribute.ReplaceNode(positional.Expression, literal.WithTriviaFrom(positional.Expression));
            }

            return attribute.WithArgumentList(arguments.WithArguments(arguments.Arguments.Insert(0, AttributeArgument(literal))));
        }

        return attribute.WithArgumentList(AttributeArgumentList(SingletonSeparatedList(AttributeArgument(literal))));
    }
}
