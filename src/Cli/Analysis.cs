using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Cli;

/// <summary>One finding, with what the reports show of it.</summary>
public sealed record Finding(
    string Project,
    string Assembly,
    string Id,
    string Title,
    DiagnosticSeverity Severity,
    string Message,
    string File,
    int Line,
    int Column,
    string Code,
    string Member,
    string HelpLink,
    bool Suppressed = false);

/// <summary>The findings of one test project, and the size of its suite.</summary>
public sealed record ProjectResult(string Name, string Assembly, ProjectId Id, int Tests, int TestLines, int CompileErrors, IReadOnlyList<Finding> Findings);

/// <summary>Loads a solution or project with MSBuildWorkspace and runs the analyzers over its test projects.</summary>
public static class Analysis
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(TestSmellsAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static async Task<(MSBuildWorkspace Workspace, Solution Solution)> LoadAsync(Target target, CancellationToken cancellationToken)
    {
        var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                failures.Add(e.Diagnostic.Message);
            }
        });
        Solution solution;
        try
        {
            solution = target.IsSolution
                ? await workspace.OpenSolutionAsync(target.File, cancellationToken: cancellationToken)
                : (await workspace.OpenProjectAsync(target.File, cancellationToken: cancellationToken)).Solution;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException or FormatException)
        {
            throw new CliException($"'{target.File}' does not load: {FirstLine(e.Message)}");
        }

        var problems = LoadProblems.Summarize(failures, Path.GetDirectoryName(target.File)!);
        if (!target.IsSolution && problems.Any(p => !p.RestoreOnly))
        {
            throw new CliException($"'{target.File}' does not load: {problems.First(p => !p.RestoreOnly).Lines[0]}");
        }

        // A project that loads with an incomplete restore is still scanned: what its missing packages
        // declare is unresolved, which the analyzers treat as "not sure" and stay silent on.
        foreach (var line in problems.SelectMany(p => p.Lines))
        {
            Console.Error.WriteLine("testsmells: warning: " + line);
        }

        // A project never restored loads without a word from MSBuild: it gets the framework's
        // reference pack and none of its packages, so its test framework is not seen and it would be
        // skipped in silence.
        var reported = problems.Select(p => p.Project).ToHashSet(StringComparer.Ordinal);
        foreach (var project in solution.Projects.Where(p => p.Language == LanguageNames.CSharp && LooksUnrestored(p)))
        {
            var file = Path.GetRelativePath(Path.GetDirectoryName(target.File)!, project.FilePath!);
            if (!reported.Contains(file) && !reported.Contains(project.FilePath!))
            {
                Console.Error.WriteLine($"testsmells: warning: {file}: not restored (no obj/project.assets.json, no package referenced), so a test framework in it cannot be seen: run dotnet restore");
            }
        }

        if (!solution.Projects.Any(p => p.Language == LanguageNames.CSharp))
        {
            throw new CliException($"'{target.File}' does not load: " + (problems.Count > 0 ? problems[0].Lines[0] : "no C# project in it"));
        }

        return (workspace, solution);
    }

    /// <summary>No restore output next to the project and no reference but the framework's own packs.</summary>
    private static bool LooksUnrestored(Project project)
    {
        if (project.FilePath is null || File.Exists(Path.Combine(Path.GetDirectoryName(project.FilePath)!, "obj", "project.assets.json")))
        {
            return false;
        }

        return !project.MetadataReferences.OfType<PortableExecutableReference>()
            .Any(r => r.FilePath is { } path && !path.Replace('\\', '/').Contains("/packs/", StringComparison.OrdinalIgnoreCase));
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>True when the project references a test framework the analyzers know.</summary>
    public static async Task<Compilation?> TestCompilationAsync(Project project, CancellationToken cancellationToken)
    {
        if (project.Language != LanguageNames.CSharp)
        {
            return null;
        }

        var compilation = await project.GetCompilationAsync(cancellationToken);
        return compilation is not null && TestCodeModel.For(compilation).HasTestFramework ? compilation : null;
    }

    /// <summary>The analyzers' diagnostics over one project, with its configuration; without the baseline when asked.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, Compilation compilation, bool withBaseline, CancellationToken cancellationToken, bool includeSuppressed = false, string? onlyRule = null)
    {
        // One rule (the fix command, rule by rule): only the analyzers that report it run.
        var analyzers = onlyRule is null ? Analyzers : Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == onlyRule)).ToImmutableArray();
        var analyzerOptions = project.AnalyzerOptions;
        var additional = withBaseline
            ? analyzerOptions.AdditionalFiles
            : analyzerOptions.AdditionalFiles.Where(f => !Baseline.IsBaselineFile(f.Path)).ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional, analyzerOptions.AnalyzerConfigOptionsProvider),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: includeSuppressed);
        if (withBaseline && additional.Any(f => Baseline.IsBaselineFile(f.Path)))
        {
            // TSTB002 is off by default; the package's targets switch it on where a baseline exists.
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
                compilation.Options.SpecificDiagnosticOptions.SetItem(TestSmells.Analyzers.Rules.TSTB002.Id, ReportDiagnostic.Info)));
        }

        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return diagnostics
            .Where(d => d.Id.StartsWith("TST", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden && (includeSuppressed || !d.IsSuppressed))
            .ToImmutableArray();
    }

    public static async Task<ProjectResult> AnalyzeAsync(Project project, Compilation compilation, bool withBaseline, CancellationToken cancellationToken)
    {
        // Without the baseline (to write one), findings suppressed in source count too: the analyzers
        // see them before the compiler applies #pragma and [SuppressMessage].
        var diagnostics = await DiagnosticsAsync(project, compilation, withBaseline, cancellationToken, includeSuppressed: !withBaseline);
        var models = new Dictionary<SyntaxTree, SemanticModel>();
        SemanticModel ModelOf(SyntaxTree tree)
        {
            if (!models.TryGetValue(tree, out var model))
            {
                model = compilation.GetSemanticModel(tree);
                models.Add(tree, model);
            }

            return model;
        }

        var findings = new List<Finding>();
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            var code = string.Empty;
            if (diagnostic.Location.SourceTree is { } tree)
            {
                var text = await tree.GetTextAsync(cancellationToken);
                code = text.Lines[span.StartLinePosition.Line].ToString().Trim();
            }

            findings.Add(new Finding(
                project.Name,
                compilation.AssemblyName ?? project.Name,
                diagnostic.Id,
                diagnostic.Descriptor.Title.ToString(),
                diagnostic.Severity,
                diagnostic.GetMessage(),
                span.Path ?? string.Empty,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                code,
                diagnostic.Id.StartsWith("TSTB", StringComparison.Ordinal) ? Baseline.NoMember : Baseline.MemberIdOf(diagnostic.Location, compilation, ModelOf, cancellationToken),
                diagnostic.Descriptor.HelpLinkUri,
                diagnostic.IsSuppressed));
        }

        findings.Sort((a, b) => string.CompareOrdinal(a.File, b.File) is var byFile and not 0 ? byFile : a.Line.CompareTo(b.Line) is var byLine and not 0 ? byLine : string.CompareOrdinal(a.Id, b.Id));
        var (tests, lines) = await SuiteSizeAsync(compilation, cancellationToken);
        var errors = compilation.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        return new ProjectResult(project.Name, compilation.AssemblyName ?? project.Name, project.Id, tests, lines, errors, findings);
    }

    /// <summary>The number of test methods and of source lines (generated files under obj/ excluded).</summary>
    private static async Task<(int Tests, int Lines)> SuiteSizeAsync(Compilation compilation, CancellationToken cancellationToken)
    {
        var model = TestCodeModel.For(compilation);
        int tests = 0, lines = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var path = tree.FilePath.Replace('\\', '/');
            if (path.Contains("/obj/", StringComparison.Ordinal) || path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            lines += (await tree.GetTextAsync(cancellationToken)).Lines.Count;
            var semantic = compilation.GetSemanticModel(tree);
            foreach (var method in (await tree.GetRootAsync(cancellationToken)).DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.IsTestMethod(semantic.GetDeclaredSymbol(method, cancellationToken) as IMethodSymbol))
                {
                    tests++;
                }
            }
        }

        return (tests, lines);
    }
}
