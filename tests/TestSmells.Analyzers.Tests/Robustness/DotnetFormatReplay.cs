using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Robustness;

/// <summary>
/// What <c>dotnet format analyzers --diagnostics ID...</c> does with our fixers, step for step: per rule id,
/// it analyses the current solution, then asks each fixer of that id in turn for a solution-wide Fix All
/// with the key of the first action the fixer offers for the first finding (no action: no key). The
/// findings it hands to the fix-all are keyed by the <see cref="Project"/> objects of the solution it
/// analysed, so a fixer asked after another one has changed the solution gets no findings at all. It logs
/// "Unable to fix" when a fix-all returns no action.
/// </summary>
internal static class DotnetFormatReplay
{
    /// <summary>Every exported fixer of the package, in the order reflection lists them (as dotnet format finds them).</summary>
    public static ImmutableArray<CodeFixProvider> Fixers { get; } = typeof(WallClockCodeFix).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Every rule id some fixer fixes.</summary>
    public static ImmutableArray<string> FixableIds { get; } = Fixers.SelectMany(f => f.FixableDiagnosticIds)
        .Where(id => id.StartsWith("TST", StringComparison.Ordinal)).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>One pass over <paramref name="solution"/> for <paramref name="ids"/>; returns the fixed solution and what dotnet format would log.</summary>
    public static async Task<(Solution Solution, List<string> Log)> RunAsync(Solution solution, IEnumerable<string> ids, bool reverseFixers = false)
    {
        var log = new List<string>();
        var fixers = reverseFixers ? Fixers.Reverse().ToImmutableArray() : Fixers;
        foreach (var id in ids)
        {
            var result = new Dictionary<Project, List<Diagnostic>>();
            foreach (var project in solution.Projects)
            {
                var found = (await FindingsAsync(project)).Where(d => d.Id == id).ToList();
                if (found.Count > 0)
                {
                    result[project] = found;
                }
            }

            if (result.Count == 0)
            {
                continue;
            }

            var forId = fixers.Where(f => f.FixableDiagnosticIds.Contains(id)).ToList();
            if (forId.Count == 0)
            {
                log.Add($"Unable to fix {id}. No associated code fix found.");
                continue;
            }

            foreach (var fixer in forId)
            {
                var changed = await ApplyAsync(solution, result, fixer, id, log);
                if (changed.GetChanges(solution).GetProjectChanges().Any())
                {
                    solution = changed;
                }
            }
        }

        return (solution, log);
    }

    /// <summary>Our findings in <paramref name="project"/>.</summary>
    public static async Task<ImmutableArray<Diagnostic>> FindingsAsync(Project project)
        => await AllAnalyzers.RunAsync((await project.GetCompilationAsync())!);

    /// <summary>The compile errors of every project of <paramref name="solution"/>, as "project: error".</summary>
    public static async Task<List<string>> CompileErrorsAsync(Solution solution)
    {
        var errors = new List<string>();
        foreach (var project in solution.Projects)
        {
            var compilation = (await project.GetCompilationAsync())!;
            errors.AddRange(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{project.Name}: {d}"));
        }

        return errors;
    }

    private static async Task<Solution> ApplyAsync(Solution solution, Dictionary<Project, List<Diagnostic>> result, CodeFixProvider fixer, string id, List<string> log)
    {
        var name = fixer.GetType().Name;
        try
        {
            var fixAllProvider = fixer.GetFixAllProvider();
            if (fixAllProvider?.GetSupportedFixAllScopes()?.Contains(FixAllScope.Solution) != true)
            {
                log.Add($"Unable to fix {id}. Code fix {name} doesn't support Fix All in Solution.");
                return solution;
            }

            var diagnostic = result.SelectMany(kvp => kvp.Value).FirstOrDefault(d => d.Location.SourceTree is not null);
            var document = diagnostic is null ? null : solution.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                return solution;
            }

            CodeAction? first = null;
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic!, (a, _) => first ??= a, CancellationToken.None));
            var context = new FixAllContext(document, fixer, FixAllScope.Solution, first?.EquivalenceKey!, new[] { id }, new ByProject(result), CancellationToken.None);
            var fixAll = await fixAllProvider.GetFixAsync(context);
            if (fixAll is null)
            {
                log.Add($"Unable to fix {id}. Code fix {name} didn't return a Fix All action.");
                return solution;
            }

            var apply = (await fixAll.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().SingleOrDefault();
            if (apply is null)
            {
                log.Add($"Unable to fix {id}. Code fix {name} returned an unexpected operation.");
                return solution;
            }

            return apply.ChangedSolution;
        }
        catch (Exception ex)
        {
            log.Add($"Failed to apply code fix {name} for {id}: {ex}");
            return solution;
        }
    }

    /// <summary>The findings by the <see cref="Project"/> object they were found in (reference equality, as dotnet format keys them).</summary>
    private sealed class ByProject : FixAllContext.DiagnosticProvider
    {
        private readonly Dictionary<Project, List<Diagnostic>> _result;

        public ByProject(Dictionary<Project, List<Diagnostic>> result) => _result = result;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => GetProjectDiagnosticsAsync(project, cancellationToken);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => (await GetProjectDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree?.FilePath == document.FilePath).ToImmutableArray();

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_result.TryGetValue(project, out var found) ? found : Enumerable.Empty<Diagnostic>());
    }
}
