using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TestSmells.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// A fix-all that still works when it is asked without an equivalence key. The IDE always passes the key
/// of the action the user picked; <c>dotnet format analyzers</c> passes the key of the first action offered
/// for the first finding it looks at, and no key at all when that finding has no fix (a wait that ends the
/// test, a clock read inside a loop...). A key-filtering fix-all then fixes nothing for that rule in that
/// run. Asked without a key, this one tries the fixer's keys in order of preference and uses the first that
/// fixes something.
/// </summary>
internal sealed class FixAllWithoutKey : FixAllProvider
{
    private readonly FixAllProvider _inner;
    private readonly ImmutableArray<string> _keys;

    private FixAllWithoutKey(FixAllProvider inner, ImmutableArray<string> keys)
    {
        _inner = inner;
        _keys = keys;
    }

    /// <summary>The batch fixer over the fixer's actions, with <paramref name="keys"/> (most preferred first) used when no key is given.</summary>
    public static FixAllProvider Batch(params string[] keys) => new FixAllWithoutKey(WellKnownFixAllProviders.BatchFixer, keys.ToImmutableArray());

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => _inner.GetSupportedFixAllScopes();

    public override IEnumerable<string> GetSupportedFixAllDiagnosticIds(CodeFixProvider originalCodeFixProvider)
        => _inner.GetSupportedFixAllDiagnosticIds(originalCodeFixProvider);

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey is not null)
        {
            return await _inner.GetFixAsync(fixAllContext).ConfigureAwait(false);
        }

        foreach (var key in _keys)
        {
            if (await _inner.GetFixAsync(WithKey(fixAllContext, key)).ConfigureAwait(false) is { } action)
            {
                return action;
            }
        }

        return null;
    }

    private static FixAllContext WithKey(FixAllContext context, string key)
    {
        var diagnostics = new SameDiagnostics(context);
        return context.Document is { } document
            ? new FixAllContext(document, context.CodeFixProvider, context.Scope, key, context.DiagnosticIds, diagnostics, context.CancellationToken)
            : new FixAllContext(context.Project, context.CodeFixProvider, context.Scope, key, context.DiagnosticIds, diagnostics, context.CancellationToken);
    }

    /// <summary>The findings of the original request, unchanged.</summary>
    private sealed class SameDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _original;

        public SameDiagnostics(FixAllContext original) => _original = original;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => await _original.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await _original.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await _original.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
    }
}
