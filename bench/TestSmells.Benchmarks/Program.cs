using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Benchmarks;

// Usage: dotnet run -c Release --project bench/TestSmells.Benchmarks [-- --sizes 1000,10000,50000 --runs 3]
var sizes = Option("--sizes", "1000,10000,50000").Split(',').Select(int.Parse).ToArray();
var runs = int.Parse(Option("--runs", "3"));

var ours = typeof(TestSmells.Analyzers.Infrastructure.TestSmellsAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var xunit = LoadAnalyzers(Path.Combine(References.PackageFolder("xunit.analyzers"), "analyzers", "dotnet", "cs", "xunit.analyzers.dll"));
var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());

Console.WriteLine($"TestSmells.Analyzers: {ours.Length} analyzers, {ours.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count()} rules; xunit.analyzers {Path.GetFileName(References.PackageFolder("xunit.analyzers"))}: {xunit.Length} analyzers");
Console.WriteLine($"Processor count: {Environment.ProcessorCount}; runs per measurement: {runs} (median)");
Console.WriteLine();
Console.WriteLine("Callback time = time spent inside the analyzers' callbacks (what -p:ReportAnalyzer=true reports);");
Console.WriteLine("wall = GetAnalyzerDiagnosticsAsync end to end, including the binding the analyzers force.");
Console.WriteLine();
Console.WriteLine("| suite | tests | ours callbacks ms | xunit.analyzers callbacks ms | ratio ours/xunit | ours us/test | wall empty ms | wall ours ms | wall xunit ms | ours peak MB |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

var perTestAtSize = new Dictionary<int, double>();
foreach (var size in sizes)
{
    foreach (var flavor in new[] { SuiteFlavor.Xunit, SuiteFlavor.NUnit, SuiteFlavor.MSTest })
    {
        if (flavor != SuiteFlavor.Xunit && size > 10000)
        {
            continue; // the other flavours at the two smaller sizes keep the run short
        }

        var compilation = Compile(flavor, size);
        var baseline = Measure(compilation, empty, runs);
        var mine = Measure(compilation, ours, runs);
        var theirs = flavor == SuiteFlavor.Xunit ? Measure(compilation, xunit, runs) : default;
        var perTest = mine.CallbackMs * 1000 / size;
        if (flavor == SuiteFlavor.Xunit)
        {
            perTestAtSize[size] = perTest;
        }

        Console.WriteLine($"| {flavor} | {size} | {mine.CallbackMs:F0} | {(flavor == SuiteFlavor.Xunit ? theirs.CallbackMs.ToString("F0") : "-")} | {(flavor == SuiteFlavor.Xunit ? (mine.CallbackMs / theirs.CallbackMs).ToString("F2") : "-")} | {perTest:F1} | {baseline.WallMs:F0} | {mine.WallMs:F0} | {(flavor == SuiteFlavor.Xunit ? theirs.WallMs.ToString("F0") : "-")} | {mine.PeakMegabytes:F0} |");
    }
}

// A compilation without any test framework: ours must cost no more than the empty analyzer.
var production = Compile(SuiteFlavor.Production, sizes.Max());
var productionEmpty = Measure(production, empty, runs);
var productionOurs = Measure(production, ours, runs);
Console.WriteLine();
Console.WriteLine($"No test framework ({sizes.Max()} methods): wall empty {productionEmpty.WallMs:F0} ms, wall ours {productionOurs.WallMs:F0} ms, ratio {productionOurs.WallMs / productionEmpty.WallMs:F2}; ours callbacks {productionOurs.CallbackMs:F1} ms");

if (perTestAtSize.Count >= 2)
{
    var smallest = perTestAtSize.Keys.Min();
    var largest = perTestAtSize.Keys.Max();
    Console.WriteLine($"Cost per test at {largest} vs {smallest}: {perTestAtSize[largest] / perTestAtSize[smallest]:F2}x (target <= 1.2x)");
}

return 0;

static string Option(string name, string fallback)
{
    var args = Environment.GetCommandLineArgs();
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static CSharpCompilation Compile(SuiteFlavor flavor, int size)
{
    var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
    var trees = SuiteGenerator.Generate(flavor, size)
        .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: f.Path))
        .ToList();
    var compilation = CSharpCompilation.Create(
        $"Generated{flavor}{size}",
        trees,
        References.For(flavor),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
    if (errors.Count > 0)
    {
        throw new InvalidOperationException("The generated suite does not compile:\n" + string.Join("\n", errors));
    }

    return compilation;
}

static Measurement Measure(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, int runs)
{
    var results = new List<Measurement>();
    for (var run = 0; run < runs; run++)
    {
        // A fresh compilation each time: no semantic model or analyzer cache survives between runs.
        var fresh = compilation.Clone();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        long peak = heapBefore;
        using var sampler = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), GC.GetTotalMemory(false))), null, 0, 20);

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (e, a, _) => throw new InvalidOperationException($"{a.GetType().Name} threw", e),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);
        var stopwatch = Stopwatch.StartNew();
        var withAnalyzers = fresh.WithAnalyzers(analyzers, options);
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        stopwatch.Stop();
        var callbacks = analyzers.Sum(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
        if (diagnostics.Any(d => d.Id == "AD0001"))
        {
            throw new InvalidOperationException("AD0001: " + diagnostics.First(d => d.Id == "AD0001"));
        }

        results.Add(new Measurement(stopwatch.Elapsed.TotalMilliseconds, callbacks, (Interlocked.Read(ref peak) - heapBefore) / 1024.0 / 1024.0, diagnostics.Length));
    }

    results.Sort((a, b) => a.CallbackMs.CompareTo(b.CallbackMs));
    var median = results[results.Count / 2];
    return median with { WallMs = results.Select(r => r.WallMs).OrderBy(x => x).ElementAt(results.Count / 2) };
}

static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string path)
{
    var assembly = Assembly.LoadFrom(path);
    return assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();
}

internal readonly record struct Measurement(double WallMs, double CallbackMs, double PeakMegabytes, int Diagnostics);

/// <summary>The baseline: an analyzer that registers nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("EMPTY0001", "Never reported", "Never reported", "Baseline", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
    }
}
