using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using TestSmells.Analyzers.CodeFixes.Infrastructure;
using TestSmells.Analyzers.Isolation;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TestSmells.Analyzers.CodeFixes.Isolation;

/// <summary>
/// TST4007: passes <c>CultureInfo.InvariantCulture</c> to the <c>ToString</c> or <c>Parse</c> call of
/// the finding (the analyzer marks the calls that have an overload with a trailing provider), adding
/// <c>using System.Globalization;</c> when needed. Interpolations, <c>string.Format</c>, concatenations
/// and time-zone findings get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvariantCultureCodeFix))]
[Shared]
public sealed class InvariantCultureCodeFix : DocumentFix
{
    public const string EquivalenceKey = "TST4007.UseInvariantCulture";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST4007");

    private protected override string Title => "Pass CultureInfo.InvariantCulture";

    private protected override string Key => EquivalenceKey;

    private protected override bool Applies(SyntaxNode root, SemanticModel? semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        => Target(root, semanticModel!, diagnostic, cancellationToken) is not null;

    private protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var cultureInfo = semanticModel?.Compilation.GetTypeByMetadataName("System.Globalization.CultureInfo");
        if (root is not CompilationUnitSyntax unit || semanticModel is null || cultureInfo is null)
        {
            return document;
        }

        var targets = diagnostics
            .Select(d => Target(unit, semanticModel, d, cancellationToken))
            .OfType<InvocationExpressionSyntax>()
            .Distinct()
            .ToList();
        if (targets.Count == 0)
        {
            return document;
        }

        var (typeName, importNamespace) = Imports.NameFor(cultureInfo, semanticModel, targets[0].SpanStart);
        var provider = Argument(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, typeName, IdentifierName("InvariantCulture")));
        var fixedUnit = unit.ReplaceNodes(
            targets,
            (original, rewritten) => rewritten.WithArgumentList(rewritten.ArgumentList.AddArguments(provider)).WithAdditionalAnnotations(Formatter.Annotation));
        if (importNamespace is not null)
        {
            fixedUnit = Imports.AddUsing(fixedUnit, importNamespace);
        }

        return document.WithSyntaxRoot(fixedUnit);
    }

    /// <summary>The call to fix, re-checked against the current document; null when it changed or has no such overload.</summary>
    private static InvocationExpressionSyntax? Target(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(CultureDependenceAnalyzer.FixKey))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is not InvocationExpressionSyntax invocation
            || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || method.Name is not ("ToString" or "Parse")
            || method.Parameters.Any(p => p.Type.Name == "IFormatProvider"))
        {
            return null;
        }

        return invocation;
    }
}
