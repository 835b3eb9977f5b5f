using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Benchmarks;
using TestSmells.SuiteGeneration;

// Usage: dotnet run -c Release --project bench/TestSmells.Benchmarks [-- --sizes 1000,10000,50000 --runs 3]
//   --sizes          suite sizes (tests) of the xUnit flavour; the smallest and the largest give the per-test ratio
//   --other-sizes    sizes of the NUnit and MSTest flavours (default: the sizes up to 10,000)
//   --runs           measured runs per analyzer set and suite (the median is reported)
//   --top            how many of our analyzers to list by callback time
//   --only production  only the compilation without a test framework (of the largest size)
//   --profile F:N    only our analyzers on the flavour F suite of N tests, --runs times (for a profiler);
//                    --set binding|xunit profiles the baseline or xunit.analyzers instead
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var sizes = Option("--sizes", "1000,10000,50000").Split(',').Select(int.Parse).OrderBy(s => s).ToArray();
var otherSizes = Option("--other-sizes", string.Join(",", sizes.Where(s => s <= 10000)))
    .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).OrderBy(s => s).ToArray();
var runs = int.Parse(Option("--runs", "3"));
var productionOnly = Option("--only", string.Empty) == "production";
var top = int.Parse(Option("--top", "5"));
var total = Stopwatch.StartNew();

var ours = typeof(TestSmells.Analyzers.Infrastructure.TestSmellsAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .OrderBy(t => t.Name, StringComparer.Ordinal)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var xunit = LoadAnalyzers(Path.Combine(References.PackageFolder("xunit.analyzers"), "analyzers", "dotnet", "cs", "xunit.analyzers.dll"));
var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
var binding = ImmutableArray.Create<DiagnosticAnalyzer>(new BindingAnalyzer());

if (Option("--profile", string.Empty) is { Length: > 0 } profiled)
{
    // For a profiler (dotnet-trace collect -- dotnet TestSmells.Benchmarks.dll --profile Xunit:10000): only our
    // analyzers, after one warm-up run, then --runs runs with per-analyzer callback times.
    var parts = profiled.Split(':');
    var suite = Compile(Enum.Parse<SuiteFlavor>(parts[0], ignoreCase: true), int.Parse(parts[1]), checkErrors: false);
    var set = Option("--set", "ours") switch
    {
        "binding" => binding,
        "xunit" => xunit,
        _ => ours,
    };
    Measure(suite.Compilation, set);
    for (var run = 0; run < runs; run++)
    {
        var measured = Measure(suite.Compilation, set);
        Console.WriteLine($"run {run}: callbacks {measured.CallbackMs:F0} ms, CPU {measured.CpuMs:F0} ms, GC pauses {measured.GcPauseMs:F0} ms, allocated {measured.AllocatedMegabytes:F0} MB, wall {measured.WallMs:F0} ms, findings {measured.Findings} ({suite.Expected}): "
            + string.Join(", ", measured.PerAnalyzer.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:F0}")));
    }

    return 0;
}

Console.WriteLine($"TestSmells.Analyzers: {ours.Length} analyzers, {ours.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count()} rules (all enabled, TST2005 included); xunit.analyzers {Path.GetFileName(References.PackageFolder("xunit.analyzers"))}: {xunit.Length} analyzers");
Console.WriteLine($"Processor count: {Environment.ProcessorCount}; runs per measurement: {runs} (analyzer sets interleaved; callback times: best run, the rest: median); load average at start: {LoadAverage()}");
Console.WriteLine();

// Warm-up: JIT-compile the compiler, the driver and every analyzer before anything is measured, and
// check on small suites that every flavour compiles without errors (the large ones are the same code).
var warmUp = Stopwatch.StartNew();
foreach (var flavor in new[] { SuiteFlavor.Xunit, SuiteFlavor.NUnit, SuiteFlavor.MSTest, SuiteFlavor.Production })
{
    var small = Compile(flavor, 600, checkErrors: true);
    Measure(small.Compilation, empty);
    Measure(small.Compilation, binding);
    var found = Measure(small.Compilation, ours);
    foreach (var problem in Mismatches(small.Compilation, found.Diagnostics))
    {
        Console.WriteLine($"  {flavor}: {problem}");
    }

    if (flavor == SuiteFlavor.Xunit)
    {
        Measure(small.Compilation, xunit);
    }
}

Console.WriteLine($"Warm-up (600-test suite of each flavour, every analyzer set once): {warmUp.Elapsed.TotalSeconds:F0} s");
Console.WriteLine();
Console.WriteLine("Callbacks = time inside the analyzers' callbacks (the analyzer's line of -p:ReportAnalyzer=true), summed over analyzers;");
Console.WriteLine("  it is wall time, so a loaded machine inflates it. +CPU = process CPU time of the run minus that of the 'binding' run,");
Console.WriteLine("  where 'binding' is an analyzer with one no-op operation action: the binding and operation trees that any code");
Console.WriteLine("  analyzer (the SDK's own included) makes the compiler produce. +CPU is what the package adds to such a build, and");
Console.WriteLine("  other processes' load does not inflate it. Wall = GetAnalyzerDiagnosticsAsync end to end.");
Console.WriteLine();
Console.WriteLine("| suite | tests | callbacks ours ms | callbacks xunit.analyzers ms | ours/xunit | ours callbacks us/test | +CPU ours ms | +CPU xunit ms | +CPU ours/xunit | ours +CPU us/test | wall binding ms | wall ours ms | wall xunit ms | GC pauses binding / ours ms | ours heap growth MB | findings (expected) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

var xunitResults = new SortedDictionary<int, (Measurement Ours, Measurement Xunit, Measurement Binding)>();
var perAnalyzer = new List<(string Suite, Dictionary<string, double> Times, double Total)>();
var plan = sizes.Select(s => (SuiteFlavor.Xunit, s))
    .Concat(otherSizes.SelectMany(s => new[] { (SuiteFlavor.NUnit, s), (SuiteFlavor.MSTest, s) }))
    .OrderBy(p => p.s).ThenBy(p => p.Item1)
    .Where(_ => !productionOnly);
foreach (var (flavor, size) in plan)
{
    var suite = Compile(flavor, size, checkErrors: false);
    var sets = flavor == SuiteFlavor.Xunit
        ? new[] { binding, ours, xunit }
        : new[] { binding, ours };
    var results = MeasureInterleaved(suite.Compilation, sets, runs);
    var (baseline, mine) = (results[0], results[1]);
    var theirs = flavor == SuiteFlavor.Xunit ? results[2] : null;
    if (theirs is not null)
    {
        xunitResults[size] = (mine, theirs, baseline);
    }

    perAnalyzer.Add(($"{flavor} {size}", mine.PerAnalyzer, mine.CallbackMs));
    var addedOurs = mine.CpuMs - baseline.CpuMs;
    var addedTheirs = theirs is null ? double.NaN : theirs.CpuMs - baseline.CpuMs;
    Console.WriteLine(string.Join(" | ", new[]
    {
        "", flavor.ToString(), size.ToString("N0"),
        mine.CallbackMs.ToString("F0"),
        theirs?.CallbackMs.ToString("F0") ?? "-",
        theirs is null ? "-" : (mine.CallbackMs / theirs.CallbackMs).ToString("F2"),
        (mine.CallbackMs * 1000 / size).ToString("F1"),
        addedOurs.ToString("F0"),
        theirs is null ? "-" : addedTheirs.ToString("F0"),
        theirs is null ? "-" : (addedOurs / addedTheirs).ToString("F2"),
        (addedOurs * 1000 / size).ToString("F1"),
        baseline.WallMs.ToString("F0"),
        mine.WallMs.ToString("F0"),
        theirs?.WallMs.ToString("F0") ?? "-",
        $"{baseline.GcPauseMs:F0} / {mine.GcPauseMs:F0}",
        mine.HeapGrowthMegabytes.ToString("F0"),
        $"{mine.Findings} ({suite.Expected})",
        "",
    }).Trim());
}

// A compilation that references no test framework: production code.
var productionSize = sizes.Max();
var production = Compile(SuiteFlavor.Production, productionSize, checkErrors: false);
var productionSets = new[] { empty, binding, ours };
var productionResults = MeasureInterleaved(production.Compilation, productionSets, runs);
var (productionEmpty, productionBinding, productionOurs) = (productionResults[0], productionResults[1], productionResults[2]);
var buildResults = MeasureInterleaved(production.Compilation, productionSets, runs, withCompilerDiagnostics: true);
var (buildEmpty, buildBinding, buildOurs) = (buildResults[0], buildResults[1], buildResults[2]);
perAnalyzer.Add(($"Production {productionSize}", productionOurs.PerAnalyzer, productionOurs.CallbackMs));
Console.WriteLine();
Console.WriteLine($"No test framework ({productionSize:N0} methods; only TST1004 and TST1005, the production-code rules, register actions there).");
Console.WriteLine("'analysis' = analyzer diagnostics only; 'build' = the compiler's own diagnostics (every method body bound, as a build binds it) and the analyzers in one pass:");
Console.WriteLine("| analyzers | callbacks ms | analysis CPU ms | analysis wall ms | build CPU ms | build wall ms | findings (expected) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
Console.WriteLine($"| empty (registers nothing) | {productionEmpty.CallbackMs:F1} | {productionEmpty.CpuMs:F0} | {productionEmpty.WallMs:F0} | {buildEmpty.CpuMs:F0} | {buildEmpty.WallMs:F0} | - |");
Console.WriteLine($"| binding (one no-op operation action) | {productionBinding.CallbackMs:F1} | {productionBinding.CpuMs:F0} | {productionBinding.WallMs:F0} | {buildBinding.CpuMs:F0} | {buildBinding.WallMs:F0} | - |");
Console.WriteLine($"| ours | {productionOurs.CallbackMs:F1} | {productionOurs.CpuMs:F0} | {productionOurs.WallMs:F0} | {buildOurs.CpuMs:F0} | {buildOurs.WallMs:F0} | {productionOurs.Findings} ({production.Expected}) |");

Console.WriteLine();
Console.WriteLine($"Our analyzers by callback time (top {top}):");
foreach (var (suiteName, times, totalMs) in perAnalyzer)
{
    var ranked = times.OrderByDescending(p => p.Value).Take(top).Select(p => $"{p.Key} {p.Value:F0} ms ({100 * p.Value / Math.Max(totalMs, 0.001):F0}%)");
    Console.WriteLine($"  {suiteName}: {string.Join(", ", ranked)}");
}

Console.WriteLine();
Console.WriteLine("Targets:");
if (xunitResults.Count > 0)
{
    var at = xunitResults.Keys.OrderBy(s => Math.Abs(s - 10000)).First();
    var (o, x, b) = xunitResults[at];
    var ratio = o.CallbackMs / x.CallbackMs;
    Console.WriteLine($"  (a) ours / xunit.analyzers callback time at {at:N0} tests: {ratio:F2} ({o.CallbackMs:F0} / {x.CallbackMs:F0} ms; target <= 0.5): {(ratio <= 0.5 ? "met" : "NOT met")};"
        + $" added CPU: {(o.CpuMs - b.CpuMs) / (x.CpuMs - b.CpuMs):F2}");
}

if (xunitResults.Count >= 2)
{
    var (smallest, largest) = (xunitResults.Keys.First(), xunitResults.Keys.Last());
    double PerTest(int size, Func<(Measurement Ours, Measurement Xunit, Measurement Binding), double> value) => value(xunitResults[size]) / size;
    var ratio = PerTest(largest, r => r.Ours.CallbackMs) / PerTest(smallest, r => r.Ours.CallbackMs);
    var cpuRatio = PerTest(largest, r => r.Ours.CpuMs - r.Binding.CpuMs) / PerTest(smallest, r => r.Ours.CpuMs - r.Binding.CpuMs);
    var wallRatio = PerTest(largest, r => r.Ours.WallMs) / PerTest(smallest, r => r.Ours.WallMs);
    Console.WriteLine($"  (b) our callback cost per test at {largest:N0} / at {smallest:N0}: {ratio:F2} ({PerTest(largest, r => r.Ours.CallbackMs) * 1000:F1} / {PerTest(smallest, r => r.Ours.CallbackMs) * 1000:F1} us; target <= 1.2): {(ratio <= 1.2 ? "met" : "NOT met")};"
        + $" added CPU per test: {cpuRatio:F2}; wall per test: {wallRatio:F2}");
}

var buildCpu = buildOurs.CpuMs / buildEmpty.CpuMs;
Console.WriteLine($"  (c) no test framework ({productionSize:N0} methods), build: CPU ours / empty {buildCpu:F2} ({buildOurs.CpuMs:F0} / {buildEmpty.CpuMs:F0} ms), wall {buildOurs.WallMs / buildEmpty.WallMs:F2}"
    + $" (one no-op operation action: {buildBinding.CpuMs / buildEmpty.CpuMs:F2}); {(buildCpu <= 1.05 ? "met" : "NOT met")} (within 5%, the run-to-run noise);"
    + $" analysis alone: callbacks {productionOurs.CallbackMs:F1} ms, CPU ours / binding {productionOurs.CpuMs / productionBinding.CpuMs:F2}");
Console.WriteLine();
Console.WriteLine($"Total {total.Elapsed.TotalMinutes:F1} min; load average at end: {LoadAverage()}");
return 0;

static string Option(string name, string fallback)
{
    var args = Environment.GetCommandLineArgs();
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static string LoadAverage()
{
    try
    {
        return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "n/a";
    }
    catch (UnauthorizedAccessException)
    {
        return "n/a";
    }
}

static Suite Compile(SuiteFlavor flavor, int size, bool checkErrors)
{
    var options = new SuiteOptions(flavor, size) { EntityFramework = flavor == SuiteFlavor.Xunit };
    var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
    var files = SuiteGenerator.Generate(options).ToList();
    var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: f.Path)).ToList();
    var expected = files.Sum(f => Regex.Matches(f.Text, Regex.Escape(SuiteGenerator.ExpectMarker) + "(.*)$", RegexOptions.Multiline)
        .Sum(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    var references = References.For(flavor, options.EntityFramework).ToList();
    if (flavor != SuiteFlavor.Production)
    {
        references.Add(Library(options, parseOptions));
    }

    var compilation = CSharpCompilation.Create(
        $"Generated{flavor}{size}",
        trees,
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(AllRulesOn()));
    if (checkErrors)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The generated {flavor} suite does not compile:\n" + string.Join("\n", errors));
        }
    }

    return new Suite(compilation, expected);
}

/// <summary>The code under test, compiled on its own: the test project references it as a real one references its project.</summary>
static MetadataReference Library(SuiteOptions options, CSharpParseOptions parseOptions)
{
    var library = CSharpCompilation.Create(
        "Shop",
        SuiteGenerator.Library(options).Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: f.Path)),
        References.For(SuiteFlavor.Production, options.EntityFramework),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    using var image = new MemoryStream();
    var result = library.Emit(image);
    if (!result.Success)
    {
        throw new InvalidOperationException("The generated library does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
    }

    return MetadataReference.CreateFromImage(image.ToArray());
}

static ImmutableDictionary<string, ReportDiagnostic> AllRulesOn()
    => typeof(TestSmells.Analyzers.Infrastructure.TestSmellsAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .Select(d => d.Id)
        .Distinct()
        .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);

static Measurement[] MeasureInterleaved(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer>[] sets, int runs, bool withCompilerDiagnostics = false)
{
    var results = sets.Select(_ => new List<Measurement>()).ToArray();
    for (var run = 0; run < runs; run++)
    {
        for (var i = 0; i < sets.Length; i++)
        {
            results[i].Add(Measure(compilation, sets[i], withCompilerDiagnostics));
        }
    }

    return results.Select(Median).ToArray();
}

/// <summary>
/// The median of the runs, except for callback times: their best (lowest) run. Callback time is wall
/// time inside callbacks, so a descheduled thread or a GC pause that falls inside a callback only ever
/// adds to it; on a shared machine the least disturbed run is the closest to the analyzers' own cost.
/// </summary>
static Measurement Median(List<Measurement> runs)
{
    double Mid(Func<Measurement, double> value) => runs.Select(value).OrderBy(x => x).ElementAt(runs.Count / 2);
    double Best(Func<Measurement, double> value) => runs.Select(value).Min();
    var names = runs[0].PerAnalyzer.Keys;
    return new Measurement(
        Mid(r => r.WallMs),
        Best(r => r.CallbackMs),
        Mid(r => r.CpuMs),
        Mid(r => r.GcPauseMs),
        Mid(r => r.AllocatedMegabytes),
        Mid(r => r.HeapGrowthMegabytes),
        runs[0].Findings,
        names.ToDictionary(n => n, n => Best(r => r.PerAnalyzer[n])))
    {
        MedianCallbackMs = Mid(r => r.CallbackMs),
    };
}

/// <summary>
/// One analysis of a fresh copy of <paramref name="compilation"/>. With <paramref name="withCompilerDiagnostics"/>,
/// the compiler's own diagnostics are computed in the same pass (every method body bound, as a build binds
/// it to emit), which is what a build pays with or without analyzers.
/// </summary>
static Measurement Measure(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool withCompilerDiagnostics = false)
{
    // A fresh compilation each time: no semantic model or analyzer cache survives between runs.
    var fresh = compilation.Clone();
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
    long peak = heapBefore;
    using (var sampler = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), GC.GetTotalMemory(false))), null, 0, 20))
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (e, a, _) => throw new InvalidOperationException($"{a.GetType().Name} threw", e),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var stopwatch = Stopwatch.StartNew();
        var withAnalyzers = fresh.WithAnalyzers(analyzers, options);
        var diagnostics = withCompilerDiagnostics
            ? withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
            : withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        stopwatch.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
        var allocated = (GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / 1024.0 / 1024.0;
        if (diagnostics.Any(d => d.Id == "AD0001"))
        {
            throw new InvalidOperationException("AD0001: " + diagnostics.First(d => d.Id == "AD0001"));
        }

        var perAnalyzer = analyzers.ToDictionary(
            a => a.GetType().Name,
            a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
        var growth = (Interlocked.Read(ref peak) - heapBefore) / 1024.0 / 1024.0;
        var ourDiagnostics = diagnostics.Where(d => d.Id.StartsWith("TST", StringComparison.Ordinal)).ToImmutableArray();
        return new Measurement(stopwatch.Elapsed.TotalMilliseconds, perAnalyzer.Values.Sum(), cpu, pause, allocated, growth, ourDiagnostics.Length, perAnalyzer) { Diagnostics = ourDiagnostics };
    }
}

/// <summary>Findings on lines without their "expect:" marker, and markers without their finding.</summary>
static IEnumerable<string> Mismatches(Compilation compilation, ImmutableArray<Diagnostic> diagnostics)
{
    var found = diagnostics
        .Select(d => (d.Id, Path: d.Location.SourceTree!.FilePath, Line: d.Location.GetLineSpan().StartLinePosition.Line))
        .ToHashSet();
    foreach (var tree in compilation.SyntaxTrees)
    {
        var lines = tree.GetText().Lines;
        foreach (var line in lines)
        {
            var text = line.ToString();
            var at = text.IndexOf(SuiteGenerator.ExpectMarker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            foreach (var id in text[(at + SuiteGenerator.ExpectMarker.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!found.Remove((id, tree.FilePath, line.LineNumber)))
                {
                    yield return $"missing {id} at {tree.FilePath}:{line.LineNumber + 1}: {text.Trim()}";
                }
            }
        }
    }

    foreach (var (id, path, line) in found)
    {
        var text = compilation.SyntaxTrees.First(t => t.FilePath == path).GetText().Lines[line].ToString();
        yield return $"unexpected {id} at {path}:{line + 1}: {text.Trim()}";
    }
}

static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string path)
{
    var assembly = Assembly.LoadFrom(path);
    return assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();
}

internal sealed record Suite(CSharpCompilation Compilation, int Expected);

internal sealed record Measurement(double WallMs, double CallbackMs, double CpuMs, double GcPauseMs, double AllocatedMegabytes, double HeapGrowthMegabytes, int Findings, Dictionary<string, double> PerAnalyzer)
{
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = ImmutableArray<Diagnostic>.Empty;

    public double MedianCallbackMs { get; init; }
}

/// <summary>The baseline: an analyzer that registers nothing (the analyzer driver then has no work at all).</summary>
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

/// <summary>
/// The floor of any analyzer that looks at code: one operation action that does nothing. The driver
/// then binds every method body and builds its operation tree, as it does for the SDK's own analyzers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BindingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BINDING0001", "Never reported", "Never reported", "Baseline", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(_ => { }, OperationKind.Throw);
    }
}

