using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Time;
using TestSmells.Analyzers.CodeFixes.Infrastructure;

namespace TestSmells.Analyzers.CodeFixes.Time;

/// <summary>
/// TST1003: reads the time from the <c>FakeTimeProvider</c> in scope, or replaces the read with a
/// fixed instant (never inside a loop, where the code expects time to move).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WallClockCodeFix))]
[Shared]
public sealed class WallClockCodeFix : CodeFixProvider
{
    public const string UseFakeTimeProviderKey = "TST1003.UseFakeTimeProvider";
    public const string UseFixedInstantKey = "TST1003.UseFixedInstant";

    private const string Instant = "new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST1003");

    public override FixAllProvider GetFixAllProvider() => FixAllPerFinding.Batch(UseFakeTimeProviderKey, UseFixedInstantKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        var clock = new ClockReads(semanticModel.Compilation);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
                || semanticModel.GetOperation(node, context.CancellationToken) is not IPropertyReferenceOperation reference)
            {
                continue;
            }

            var read = clock.Classify(reference);
            if (read == ClockRead.None)
            {
                continue;
            }

            var fake = FakeClocks.FindInScope(semanticModel, node, context.CancellationToken);
            if (fake is not null)
            {
                var replacement = FromFake(fake, read);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Read the time from '{fake}'",
                        ct => ReplaceAsync(context.Document, node, replacement, System.Array.Empty<string>(), ct),
                        UseFakeTimeProviderKey),
                    diagnostic);
            }

            var imports = new List<string>();
            var instant = FixedInstant(read, semanticModel, node.SpanStart, imports);
            if (instant is not null && !IsInsideLoop(node))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use a fixed instant",
                        ct => ReplaceAsync(context.Document, node, instant, imports, ct),
                        UseFixedInstantKey),
                    diagnostic);
            }
        }
    }

    private static ExpressionSyntax FromFake(string fake, ClockRead read)
        => SyntaxFactory.ParseExpression(read switch
        {
            ClockRead.DateTimeNow => fake + ".GetLocalNow().DateTime",
            ClockRead.DateTimeUtcNow => fake + ".GetUtcNow().UtcDateTime",
            ClockRead.DateTimeToday => fake + ".GetLocalNow().Date",
            ClockRead.DateTimeOffsetNow => fake + ".GetLocalNow()",
            ClockRead.DateTimeOffsetUtcNow => fake + ".GetUtcNow()",
            _ => fake,
        });

    private static ExpressionSyntax? FixedInstant(ClockRead read, SemanticModel semanticModel, int position, ICollection<string> imports)
    {
        var compilation = semanticModel.Compilation;
        var template = read switch
        {
            ClockRead.DateTimeNow => "new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Local)",
            ClockRead.DateTimeUtcNow => "new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)",
            ClockRead.DateTimeToday => "new DateTime(2025, 1, 1)",
            ClockRead.DateTimeOffsetNow or ClockRead.DateTimeOffsetUtcNow => Instant,
            ClockRead.TimeProviderSystem when compilation.GetTypeByMetadataName(FakeClocks.FakeTimeProviderName) is not null
                => "new FakeTimeProvider(" + Instant + ")",
            _ => null,
        };
        return template is null ? null : FakeClocks.Code(template, semanticModel, position, imports);
    }

    /// <summary>A read in a loop (a deadline check, a retry) expects time to move: a fixed instant would never let it.</summary>
    private static bool IsInsideLoop(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case WhileStatementSyntax:
                case DoStatementSyntax:
                case ForStatementSyntax:
                case ForEachStatementSyntax:
                    return true;
                case MemberDeclarationSyntax:
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                    return false;
            }
        }

        return false;
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax node, ExpressionSyntax replacement, IEnumerable<string> imports, CancellationToken cancellationToken)
    {
        var newNode = replacement.WithTriviaFrom(node).WithAdditionalAnnotations(Formatter.Annotation);
        return await FakeClocks.ReplaceAsync(document, node, newNode, imports, cancellationToken).ConfigureAwait(false);
    }
}
