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
/// A batch fix-all that picks the fix per finding. A rule with more than one fix (a fixed wait: advance the
/// fake clock or poll; a clock read: the fake clock or a fixed instant) needs a different fix for different
/// findings, and no equivalence key says which: the IDE passes the key of the action the user picked,
/// <c>dotnet format analyzers</c> the key of the first action offered for the first finding it looks at (or
/// none). So the request's key is not used: every finding gets the most preferred fix it is offered, by any
/// of the rule's fixers (all the fixers of a rule share one instance of this provider, and whichever of them
/// <c>dotnet format</c> asks first fixes every finding). When there is nothing to fix the answer is an action
/// that changes nothing, never null, so that <c>dotnet format</c> does not log "Unable to fix".
/// </summary>
internal sealed class FixAllPerFinding : FixAllProvider
{
    /// <summary>The key under which the chosen fixes are offered to the batch fixer.</summary>
    private const string ChosenKey = "TestSmells.FixAllPerFinding";

    private readonly ImmutableArray<CodeFixProvider> _fixers;
    private readonly ImmutableArray<string> _keys;

    private FixAllPerFinding(ImmutableArray<CodeFixProvider> fixers, ImmutableArray<string> keys)
    {
        _fixers = fixers;
        _keys = keys;
    }

    /// <summary>The batch fixer over the requesting fixer's actions whose key is one of <paramref name="keys"/> (most preferred first).</summary>
    public static FixAllProvider Batch(params string[] keys) => new FixAllPerFinding(ImmutableArray<CodeFixProvider>.Empty, keys.ToImmutableArray());

    /// <summary>The batch fixer over the actions of all of <paramref name="fixers"/> whose key is one of <paramref name="keys"/> (most preferred first).</summary>
    public static FixAllProvider Batch(IEnumerable<CodeFixProvider> fixers, params string[] keys) => new FixAllPerFinding(fixers.ToImmutableArray(), keys.ToImmutableArray());

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var fixers = _fixers.IsEmpty ? ImmutableArray.Create(fixAllContext.CodeFixProvider) : _fixers;
        var chooser = new Chooser(fixers, _keys);
        var diagnostics = new SameDiagnostics(fixAllContext);
        var chosen = fixAllContext.Document is { } document
            ? new FixAllContext(document, chooser, fixAllContext.Scope, ChosenKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken)
            : new FixAllContext(fixAllContext.Project, chooser, fixAllContext.Scope, ChosenKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken);
        return await WellKnownFixAllProviders.BatchFixer.GetFixAsync(chosen).ConfigureAwait(false)
            ?? Unchanged(fixAllContext);
    }

    /// <summary>
    /// What a fix-all returns when it has nothing to fix: an action that leaves the solution as it is. Null would
    /// make <c>dotnet format</c> log "Unable to fix", and it asks every fixer of a rule in turn, the later ones
    /// after the first has fixed everything.
    /// </summary>
    public static CodeAction Unchanged(FixAllContext fixAllContext)
    {
        var solution = fixAllContext.Solution;
        return CodeAction.Create("Nothing left to fix", _ => Task.FromResult(solution), fixAllContext.CodeActionEquivalenceKey);
    }

    /// <summary>Offers, for each finding, the most preferred action of all the fixers, under <see cref="ChosenKey"/>.</summary>
    private sealed class Chooser : CodeFixProvider
    {
        private readonly ImmutableArray<CodeFixProvider> _fixers;
        private readonly ImmutableArray<string> _keys;

        public Chooser(ImmutableArray<CodeFixProvider> fixers, ImmutableArray<string> keys)
        {
            _fixers = fixers;
            _keys = keys;
            FixableDiagnosticIds = fixers.SelectMany(f => f.FixableDiagnosticIds).Distinct().ToImmutableArray();
        }

        public override ImmutableArray<string> FixableDiagnosticIds { get; }

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                CodeAction? best = null;
                var bestRank = int.MaxValue;
                foreach (var fixer in _fixers)
                {
                    if (!fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
                    {
                        continue;
                    }

                    var offered = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(context.Document, diagnostic, (action, _) => offered.Add(action), context.CancellationToken)).ConfigureAwait(false);
                    foreach (var action in offered)
                    {
                        var rank = action.EquivalenceKey is null ? -1 : _keys.IndexOf(action.EquivalenceKey);
                        if (rank >= 0 && rank < bestRank)
                        {
                            best = action;
                            bestRank = rank;
                        }
                    }
                }

                if (best is not null)
                {
                    var solution = context.Document.Project.Solution;
                    var picked = best;
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            picked.Title,
                            async ct => (await picked.GetOperationsAsync(ct).ConfigureAwait(false)).OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution ?? solution,
                            ChosenKey),
                        diagnostic);
                }
            }
        }
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
