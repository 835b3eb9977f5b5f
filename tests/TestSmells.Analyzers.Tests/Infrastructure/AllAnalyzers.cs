using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.Infrastructure;

namespace TestSmells.Analyzers.Tests.Infrastructure;

/// <summary>Every analyzer the package ships, found by reflection, and ways to run them all at once.</summary>
public static class AllAnalyzers
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Instances = typeof(TestSmellsAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The rules' descriptors (TSTxxxx), without the baseline's TSTB002 that every analyzer also supports.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors => Instances
        .SelectMany(a => a.SupportedDiagnostics)
        .Where(d => !d.Id.StartsWith("TSTB", StringComparison.Ordinal))
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>Compiles <paramref name="sources"/> against the flavour's real packages.</summary>
    public static async Task<CSharpCompilation> CompileAsync(Flavor? flavor, Libs libs, params string[] sources)
    {
        var references = (await References.For(flavor, libs).ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .AddRange(References.Additional(flavor));
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(
            s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/0/Test{i}.cs"));
        return CSharpCompilation.Create(
            "TestProject",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>
    /// Runs every analyzer over <paramref name="compilation"/>; returns our diagnostics, and throws
    /// if any analyzer threw (AD0001) so that a crash can never pass for silence.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, string? editorConfig = null, bool concurrentAnalysis = true, ImmutableArray<AdditionalText> additionalFiles = default)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles, new TestConfigOptionsProvider(editorConfig)),
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                lock (exceptions)
                {
                    exceptions.Add($"{analyzer.GetType().Name}: {exception}");
                }
            },
            concurrentAnalysis: concurrentAnalysis,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(Instances, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        if (exceptions.Count > 0)
        {
            throw new InvalidOperationException("An analyzer threw:\n" + string.Join("\n", exceptions));
        }

        var crashes = diagnostics.Where(d => d.Id == "AD0001").ToList();
        if (crashes.Count > 0)
        {
            throw new InvalidOperationException("AD0001:\n" + string.Join("\n", crashes));
        }

        return diagnostics.Where(d => d.Id.StartsWith("TST", StringComparison.Ordinal)).ToImmutableArray();
    }

    /// <summary>Asserts that <paramref name="source"/> compiles and that no TestSmells analyzer reports on it.</summary>
    public static async Task AssertCleanAsync(string source, Flavor? flavor, Libs libs = Libs.None, string? editorConfig = null)
    {
        var compilation = await CompileAsync(flavor, libs, source);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The code does not compile:\n" + string.Join("\n", errors));
        var ours = await RunAsync(compilation, editorConfig);
        Assert.True(ours.IsEmpty, "TestSmells still reports:\n" + string.Join("\n", ours));
    }
}
