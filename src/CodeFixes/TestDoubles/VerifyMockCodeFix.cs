using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using TestSmells.Analyzers.TestDoubles;

namespace TestSmells.Analyzers.CodeFixes.TestDoubles;

/// <summary>
/// TST2004: adds <c>mock.Verify();</c> at the end of the test (before a final <c>return</c>). Fix All
/// adds one call per mock per test, however many of its setups are marked Verifiable. Offered when
/// the test has a block body and the mock is in scope at its end.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VerifyMockCodeFix))]
[Shared]
public sealed class VerifyMockCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "TST2004.AddVerify";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST2004");

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

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
            if (Target(root, semanticModel, diagnostic, context.CancellationToken) is not { } target)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Call {target.Mock}.Verify() at the end of the test",
                    token => AddVerifyCallsAsync(context.Document, ImmutableArray.Create(diagnostic), token),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        => await AddVerifyCallsAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);

    /// <summary>Adds one <c>Verify()</c> per (test, mock), in the order the mocks were met.</summary>
    private static async Task<Document> AddVerifyCallsAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var targets = diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => Target(editor.OriginalRoot, editor.SemanticModel, d, cancellationToken))
            .Where(t => t is not null)
            .Select(t => t!.Value);
        foreach (var perBody in targets.GroupBy(t => t.Body))
        {
            var body = perBody.Key;
            var endOfLine = NewStatements.EndOfLine(body);
            var calls = perBody.Select(t => t.Mock).Distinct().Select(mock => NewStatements.Parse(mock + ".Verify();", endOfLine)).ToList();
            var statements = body.Statements;
            var index = statements.Count > 0 && statements[statements.Count - 1] is ReturnStatementSyntax
                ? statements.Count - 1
                : statements.Count;
            editor.ReplaceNode(body, body.WithStatements(statements.InsertRange(index, calls)));
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The test body and the mock expression of a diagnostic, when the fix applies to the code as it is now.</summary>
    private static (BlockSyntax Body, string Mock)? Target(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(UnverifiedVerifiableAnalyzer.MockProperty, out var mock)
            || string.IsNullOrEmpty(mock)
            || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var verifiable = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (verifiable?.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Verifiable" }
            || verifiable.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { Body: { } body })
        {
            return null;
        }

        var expression = SyntaxFactory.ParseExpression(mock!);
        if (expression.ContainsDiagnostics || !InScopeAtEnd(expression, body, semanticModel))
        {
            return null;
        }

        return (body, mock!);
    }

    /// <summary>The names the mock expression starts from (<c>mock</c>; <c>Mock</c> and <c>service</c> in <c>Mock.Get(service)</c>) are visible at the end of the body.</summary>
    private static bool InScopeAtEnd(ExpressionSyntax expression, BlockSyntax body, SemanticModel semanticModel)
    {
        // Just after the last statement: still inside the body's scope.
        var position = body.Statements.Count > 0 ? body.Statements[body.Statements.Count - 1].Span.End : body.OpenBraceToken.Span.End;
        foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                continue;
            }

            if (semanticModel.LookupSymbols(position, name: identifier.Identifier.ValueText).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }
}
