using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TestSmells.Analyzers.CodeFixes.Infrastructure;

/// <summary>The findings a Fix All request covers, by document, with what a fix-all needs to read them.</summary>
internal static class FixAllFindings
{
    /// <summary>
    /// Each document of the request's scope (document, project or solution) that has findings, with its
    /// syntax root and semantic model.
    /// </summary>
    public static async Task<IReadOnlyList<DocumentFindings>> ByDocumentAsync(FixAllContext fixAllContext)
    {
        var documents = fixAllContext.Scope switch
        {
            FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
            FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
            FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
            _ => Array.Empty<Document>(),
        };

        var found = new List<DocumentFindings>();
        foreach (var document in documents)
        {
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (diagnostics.IsEmpty)
            {
                continue;
            }

            var root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            if (root is not null && semanticModel is not null)
            {
                found.Add(new DocumentFindings(document, root, semanticModel, diagnostics));
            }
        }

        return found;
    }
}

/// <summary>One document's findings in a Fix All request.</summary>
internal sealed class DocumentFindings
{
    public DocumentFindings(Document document, SyntaxNode root, SemanticModel semanticModel, ImmutableArray<Diagnostic> diagnostics)
    {
        Document = document;
        Root = root;
        SemanticModel = semanticModel;
        Diagnostics = diagnostics;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel SemanticModel { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
