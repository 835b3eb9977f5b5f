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
using TestSmells.Analyzers.CodeFixes.Infrastructure;

namespace TestSmells.Analyzers.CodeFixes.Time;

/// <summary>
/// TST1001/TST1002: replaces the fixed wait by <c>fake.Advance(duration)</c> when a
/// <c>FakeTimeProvider</c> is in scope: the time passes at once, without waiting.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AdvanceFakeClockCodeFix))]
[Shared]
public sealed class AdvanceFakeClockCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "TST1001.AdvanceFakeTimeProvider";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST1001", "TST1002");

    public override FixAllProvider GetFixAllProvider() => FixedWaitFixAll.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var shape = FixedWaitShape.Find(root, semanticModel, diagnostic.Location.SourceSpan, context.CancellationToken);
            if (shape is null)
            {
                continue;
            }

            var fake = FakeClocks.FindInScope(semanticModel, shape.Wait, context.CancellationToken);
            if (fake is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Advance '{fake}' instead of waiting",
                    ct => AdvanceAsync(context.Document, shape, fake, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AdvanceAsync(Document document, FixedWaitShape shape, string fake, CancellationToken cancellationToken)
    {
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (semanticModel is null)
        {
            return document;
        }

        var imports = new List<string>();
        var duration = FakeClocks.AsTimeSpan(shape.Duration, shape.DurationIsTimeSpan, semanticModel, shape.Wait.SpanStart, imports);
        var advance = SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression(fake + ".Advance"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(duration))))
            .WithTriviaFrom(shape.Wait)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return await FakeClocks.ReplaceAsync(document, shape.Wait, advance, imports, cancellationToken).ConfigureAwait(false);
    }
}
