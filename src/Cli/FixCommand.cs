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
using Spectre.Console;

namespace TestSmells.Cli;

/// <summary>
/// testsmells fix: for each test project, each fixable rule and each document with findings of it,
/// applies the rule's Fix All to the document (the rule's preferred fix per finding; else the first
/// fix offered), compiles the project again and reverts the document's change when it adds a compile
/// error. Writes the kept changes to disk and reports fixed, not fixed and reverted.
/// </summary>
public static class FixCommand
{
    private static readonly ImmutableArray<CodeFixProvider> Providers = typeof(TestSmells.Analyzers.CodeFixes.Time.WallClockCodeFix).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static async Task<int> RunAsync(Target target, CliOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Loading {target.File}");
        var (workspace, solution) = await Analysis.LoadAsync(target, cancellationToken);
        using (workspace)
        {
            var fixable = Providers.SelectMany(p => p.FixableDiagnosticIds).Where(id => id.StartsWith("TST", StringComparison.Ordinal))
                .Where(id => options.Rule is null || id == options.Rule).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
            if (options.Rule is not null && fixable.Count == 0)
            {
                throw new CliException($"no code fix for '{options.Rule}' (rules with fixes: {string.Join(", ", Providers.SelectMany(p => p.FixableDiagnosticIds).Distinct().Order())})");
            }

            var before = new Dictionary<string, int>(StringComparer.Ordinal);
            var reverted = new List<string>();
            var projectIds = new List<ProjectId>();
            foreach (var project in solution.Projects)
            {
                var compilation = await Analysis.TestCompilationAsync(project, cancellationToken);
                if (compilation is null)
                {
                    continue;
                }

                projectIds.Add(project.Id);
                foreach (var d in await Analysis.DiagnosticsAsync(project, compilation, withBaseline: false, cancellationToken))
                {
                    before[d.Id] = before.GetValueOrDefault(d.Id) + 1;
                }
            }

            if (projectIds.Count == 0)
            {
                throw new CliException($"no test project in '{target.File}' (none references xUnit, NUnit, MSTest or TUnit)");
            }

            foreach (var projectId in projectIds)
            {
                Console.WriteLine($"Fixing {solution.GetProject(projectId)!.Name}");
                foreach (var rule in fixable)
                {
                    (solution, var undone) = await FixRuleAsync(solution, projectId, rule, cancellationToken);
                    reverted.AddRange(undone);
                }
            }

            if (!workspace.TryApplyChanges(solution))
            {
                throw new CliException("the fixed files could not be written");
            }

            var after = new Dictionary<string, int>(StringComparer.Ordinal);
            var errors = 0;
            foreach (var projectId in projectIds)
            {
                var project = solution.GetProject(projectId)!;
                var compilation = (await project.GetCompilationAsync(cancellationToken))!;
                errors += compilation.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
                foreach (var d in await Analysis.DiagnosticsAsync(project, compilation, withBaseline: false, cancellationToken))
                {
                    after[d.Id] = after.GetValueOrDefault(d.Id) + 1;
                }
            }

            var table = new Table().Title("Fix results").AddColumns("Rule", "Before", "Fixed", "Not fixed");
            foreach (var id in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
            {
                var was = before.GetValueOrDefault(id);
                var now = after.GetValueOrDefault(id);
                table.AddRow(id, was.ToString(), Math.Max(0, was - now).ToString(), now.ToString());
            }

            AnsiConsole.Write(table);
            foreach (var line in reverted)
            {
                AnsiConsole.MarkupLine($"[yellow]Reverted[/] {Markup.Escape(line)}");
            }

            Console.WriteLine($"Fixed {before.Values.Sum() - after.Values.Sum()} finding(s); {after.Values.Sum()} not fixed; {reverted.Count} document fix(es) reverted; {errors} compile error(s) in the test projects.");
            var gating = 0;
            foreach (var projectId in projectIds)
            {
                var project = solution.GetProject(projectId)!;
                var compilation = (await project.GetCompilationAsync(cancellationToken))!;
                gating += (await Analysis.DiagnosticsAsync(project, compilation, withBaseline: true, cancellationToken)).Count(d => d.Severity >= DiagnosticSeverity.Warning);
            }

            return gating > 0 ? Program.FindingsRemain : Program.Clean;
        }
    }

    /// <summary>
    /// Every fixer of the rule in turn (for TST1001: advance the fake clock where the test has one,
    /// then poll for the rest), each over the findings the previous ones left.
    /// </summary>
    private static async Task<(Solution Solution, List<string> Reverted)> FixRuleAsync(Solution solution, ProjectId projectId, string rule, CancellationToken cancellationToken)
    {
        var reverted = new List<string>();
        foreach (var provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(rule)))
        {
            if (provider.GetFixAllProvider() is { } fixAll)
            {
                solution = await FixWithAsync(solution, projectId, rule, provider, fixAll, reverted, cancellationToken);
            }
        }

        return (solution, reverted);
    }

    private static async Task<Solution> FixWithAsync(Solution solution, ProjectId projectId, string rule, CodeFixProvider provider, FixAllProvider fixAll, List<string> reverted, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        var diagnostics = (await Analysis.DiagnosticsAsync(project, compilation, withBaseline: false, cancellationToken, onlyRule: rule)).Where(d => d.Id == rule).ToList();
        if (diagnostics.Count == 0)
        {
            return solution;
        }

        var errorsBefore = CountErrors(compilation);

        // Found once: fixing one document leaves the other documents' syntax trees, and so their
        // findings, as they were.
        foreach (var group in diagnostics.GroupBy(d => d.Location.SourceTree))
        {
            var document = group.Key is null ? null : solution.GetDocument(group.Key);
            if (document is null)
            {
                continue;
            }

            var changed = await ApplyAsync(document, provider, fixAll, rule, group.ToImmutableArray(), cancellationToken);
            if (changed is null)
            {
                continue;
            }

            var errorsAfter = CountErrors((await changed.GetProject(projectId)!.GetCompilationAsync(cancellationToken))!);
            if (errorsAfter > errorsBefore)
            {
                reverted.Add($"{rule} ({provider.GetType().Name}) in {document.FilePath}: the fix added {errorsAfter - errorsBefore} compile error(s)");
                continue;
            }

            solution = changed;
            errorsBefore = errorsAfter;
        }

        return solution;
    }

    private static int CountErrors(Compilation compilation) => compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The solution after the rule's Fix All over one document, or null when nothing applies.</summary>
    private static async Task<Solution?> ApplyAsync(Document document, CodeFixProvider provider, FixAllProvider fixAll, string rule, ImmutableArray<Diagnostic> found, CancellationToken cancellationToken)
    {
        var diagnosticProvider = new Findings(found);

        // No key first: our Fix All providers then pick the fix that fits each finding. Otherwise the
        // first fix offered for the first finding names the key.
        foreach (var key in await KeysAsync(document, provider, found[0], cancellationToken))
        {
            var context = new FixAllContext(document, provider, FixAllScope.Document, key, new[] { rule }, diagnosticProvider, cancellationToken);
            var action = await fixAll.GetFixAsync(context);
            if (action is null)
            {
                continue;
            }

            foreach (var operation in await action.GetOperationsAsync(cancellationToken))
            {
                if (operation is ApplyChangesOperation apply && apply.ChangedSolution != document.Project.Solution)
                {
                    return apply.ChangedSolution;
                }
            }
        }

        return null;
    }

    private static async Task<IReadOnlyList<string?>> KeysAsync(Document document, CodeFixProvider provider, Diagnostic first, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, first, (action, _) => actions.Add(action), cancellationToken);
        await provider.RegisterCodeFixesAsync(context);
        var keys = new List<string?> { null };
        keys.AddRange(actions.Select(a => a.EquivalenceKey).Where(k => k is not null).Distinct().Take(1));
        return keys;
    }

    private sealed class Findings : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _found;

        public Findings(ImmutableArray<Diagnostic> found) => _found = found;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_found);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_found);
    }
}
