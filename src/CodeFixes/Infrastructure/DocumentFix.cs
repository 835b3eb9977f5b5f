using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TestSmells.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// A fix that rewrites only the document of its finding: one action per finding the fix applies to
/// (re-checked against the current tree), and a Fix All that rewrites each document once with all of
/// its findings. The fixer says what it fixes (<see cref="Applies"/>) and how (<see cref="FixAsync"/>).
/// </summary>
public abstract class DocumentFix : CodeFixProvider
{
    /// <summary>The action's title in the light-bulb menu.</summary>
    private protected abstract string Title { get; }

    /// <summary>The action's equivalence key.</summary>
    private protected abstract string Key { get; }

    /// <summary>False for fixes that decide from syntax alone (the semantic model is then not asked for).</summary>
    private protected virtual bool NeedsSemanticModel => true;

    public sealed override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = NeedsSemanticModel
            ? await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false)
            : null;
        if (root is null || (NeedsSemanticModel && semanticModel is null))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!Applies(root, semanticModel, diagnostic, context.CancellationToken))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct), Key),
                diagnostic);
        }
    }

    /// <summary>True when the fix applies to <paramref name="diagnostic"/> in the current tree (<paramref name="semanticModel"/> is null only when <see cref="NeedsSemanticModel"/> is false).</summary>
    private protected abstract bool Applies(SyntaxNode root, SemanticModel? semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>The document with every one of <paramref name="diagnostics"/> (all in it) fixed where the fix applies.</summary>
    private protected abstract Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken);
}
