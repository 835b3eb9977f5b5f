using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Corpus;

// Usage:
//   dotnet run -c Release --project bench/TestSmells.Corpus -- <repo-dir>... [--jsonl findings.jsonl] [--no-peers]
//       [--project-filter TEXT] [--rules TST1003,TST3001] [--restore] [--sequential] [--runs N] [--top N] [--include-samples]
//     Finds the test projects of each checked-out repository, compiles each in memory from source and runs our
//     analyzers at their shipped default severities, beside the framework's own analyzer package in the same run.
//     Prints findings per rule, compile errors, analyzer exceptions and analyzer time per rule; --jsonl writes
//     every finding (repository, commit, project, file, line, id, severity, message, code line). --restore first
//     restores, at their newest served version, the packages the projects name that the NuGet folder lacks.
//     --top N lists our N slowest analyzers per repository (default 6). --sequential runs the analyzers one callback at a time: on a small or loaded machine, concurrent callbacks
//     wait on each other and on the compiler's lazy binding, and the telemetry charges that wait to whoever
//     waits. --runs N analyzes each project N times (a fresh analysis of the same compilation each time, the order of
//     the two analyzer packages swapped from run to run) and keeps each analyzer's best time: the first run of a
//     process pays the JIT, and lazily computed compiler state (symbol completion, attributes, bound bodies) is charged
//     to whichever analyzer asks for it first. Projects under samples/ or benchmark*/ folders are skipped unless
//     --include-samples.
//   dotnet run ... -- sample <findings.jsonl> --rule TST3001 [--count 40] [--seed 1] [--exclude labels.tsv]
//     Draws a seeded sample of findings of one rule (spread over the repositories) and prints each with its code,
//     for labelling TP / NOISE / FP in labels.tsv.
//   dotnet run ... -- labels bench/TestSmells.Corpus/labels
//     Counts the labels per rule and phase, with strict precision (the table of docs/real-world.md).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var arguments = args.ToList();
if (arguments.FirstOrDefault() == "sample")
{
    return Sampler.Run(arguments.Skip(1).ToList());
}

if (arguments.FirstOrDefault() == "labels")
{
    return LabelSummary.Run(arguments.Skip(1).ToList());
}

var jsonlPath = Option("--jsonl");
var projectFilter = Option("--project-filter");
var onlyRules = Option("--rules")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
var withPeers = !Flag("--no-peers");
var sequential = Flag("--sequential");
var runs = int.TryParse(Option("--runs"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedRuns) && parsedRuns > 0 ? parsedRuns : 1;
var includeSamples = Flag("--include-samples");
RunTotals.Top = int.TryParse(Option("--top"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var top) && top > 0 ? top : 6;
var repositories = arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(Path.GetFullPath).ToList();
if (repositories.Count == 0)
{
    Console.Error.WriteLine("usage: TestSmells.Corpus <repo-dir>... [--jsonl FILE] [--no-peers] [--project-filter TEXT] [--rules IDS]");
    return 2;
}

var missingDir = repositories.FirstOrDefault(r => !Directory.Exists(r));
if (missingDir != null)
{
    Console.Error.WriteLine($"error: {missingDir} is not a directory");
    return 2;
}

var resolver = PackageResolver.Default();
if (Flag("--restore"))
{
    MissingPackages.Restore(repositories, resolver);
}

var ours = typeof(TestSmells.Analyzers.Infrastructure.TestSmellsAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
    .OrderBy(t => t.Name, StringComparer.Ordinal)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var peers = withPeers ? Peers.Load(resolver) : new Dictionary<string, Peer>();
using var jsonl = jsonlPath != null ? new StreamWriter(jsonlPath) : null;
var total = new RunTotals();
var clock = Stopwatch.StartNew();

foreach (var repository in repositories)
{
    var name = Path.GetFileName(repository.TrimEnd('/'));
    var commit = Commit(repository);
    var compiler = new ProjectCompiler(repository, resolver);
    var testProjects = Directory.EnumerateFiles(repository, "*.csproj", SearchOption.AllDirectories)
        .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
        .Select(compiler.Project)
        .Where(p => p.IsTestProject && p.IsSdkStyle)
        .Where(p => includeSamples || !IsSampleOrBenchmark(Path.GetRelativePath(repository, p.Path)))
        .Where(p => projectFilter == null || p.Path.Contains(projectFilter, StringComparison.OrdinalIgnoreCase))
        .OrderBy(p => p.Path, StringComparer.Ordinal)
        .ToList();
    Console.WriteLine($"== {name} @ {commit}: {testProjects.Count} test projects");
    var repoTotals = new RunTotals();
    foreach (var project in testProjects)
    {
        var watch = Stopwatch.StartNew();
        var compilation = compiler.Compile(project);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var compileMs = watch.ElapsedMilliseconds;
        var framework = Peers.FrameworkOf(compilation);
        var peer = framework != null && peers.TryGetValue(framework, out var p) ? p : null;
        var analyzers = peer != null ? ours.AddRange(peer.Analyzers) : ours;
        var exceptions = new ConcurrentBag<string>();
        var peerExceptions = new ConcurrentBag<string>();
        var perAnalyzer = new Dictionary<DiagnosticAnalyzer, double>();
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        long analysisMs = 0;
        for (var run = 0; run < runs; run++)
        {
            var order = run % 2 == 0 || peer == null ? analyzers : peer.Analyzers.AddRange(ours);
            var withAnalyzers = compilation.WithAnalyzers(order, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => (ours.Contains(analyzer) ? exceptions : peerExceptions).Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message.Split('\n')[0]}"),
                concurrentAnalysis: !sequential,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
            watch.Restart();
            diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            analysisMs = run == 0 ? watch.ElapsedMilliseconds : Math.Min(analysisMs, watch.ElapsedMilliseconds);
            foreach (var analyzer in analyzers)
            {
                var ms = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
                perAnalyzer[analyzer] = perAnalyzer.TryGetValue(analyzer, out var best) ? Math.Min(best, ms) : ms;
            }
        }

        var ourIds = ours.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var findings = diagnostics.Where(d => ourIds.Contains(d.Id) && (onlyRules == null || onlyRules.Contains(d.Id))).ToList();
        exceptions.Distinct().ToList().ForEach(e => total.Exceptions.Add(e));

        var oursMs = ours.Sum(a => perAnalyzer[a]);
        var peerMs = peer?.Analyzers.Sum(a => perAnalyzer[a]) ?? 0;

        var testLines = ProjectCompiler.SourceFiles(project).Sum(f => File.ReadLines(f).LongCount());
        var projectTotals = new RunTotals { TestLines = testLines, OursMs = oursMs, PeerMs = peerMs, CompileErrors = errors.Count, Projects = 1 };
        foreach (var analyzer in ours)
        {
            projectTotals.MsPerAnalyzer[analyzer.GetType().Name] = perAnalyzer[analyzer];
        }

        foreach (var analyzer in peer?.Analyzers ?? ImmutableArray<DiagnosticAnalyzer>.Empty)
        {
            projectTotals.PeerMsPerAnalyzer[analyzer.GetType().Name] = perAnalyzer[analyzer];
        }

        foreach (var finding in findings)
        {
            projectTotals.Findings.TryGetValue(finding.Id, out var count);
            projectTotals.Findings[finding.Id] = count + 1;
            if (jsonl != null)
            {
                var span = finding.Location.GetLineSpan();
                var text = finding.Location.SourceTree?.GetText();
                var line = text != null && span.StartLinePosition.Line < text.Lines.Count ? text.Lines[span.StartLinePosition.Line].ToString().Trim() : string.Empty;
                jsonl.WriteLine(JsonSerializer.Serialize(new Finding(
                    name, commit, Path.GetRelativePath(repository, project.Path), Path.GetRelativePath(repository, span.Path), span.StartLinePosition.Line + 1,
                    finding.Id, finding.Severity.ToString(), finding.GetMessage(CultureInfo.InvariantCulture), line)));
            }
        }

        var errorSummary = string.Join(" ", errors.GroupBy(e => e.Id).OrderByDescending(g => g.Count()).Take(3).Select(g => $"{g.Key}x{g.Count()}"));
        Console.WriteLine($"  {Path.GetRelativePath(repository, project.Path)}: {testLines:N0} lines, {compilation.SyntaxTrees.Count()} files, compile {compileMs} ms, {errors.Count} errors {errorSummary}; "
            + $"analysis {analysisMs} ms; ours {oursMs:F0} ms{(peer != null ? $", {peer.Name} {peerMs:F0} ms (ratio {(peerMs > 0 ? oursMs / peerMs : 0):F2})" : string.Empty)}; "
            + $"findings {findings.Count} [{string.Join(" ", projectTotals.Findings.OrderBy(f => f.Key).Select(f => $"{f.Key}:{f.Value}"))}]"
            + (exceptions.IsEmpty ? string.Empty : $"; EXCEPTIONS IN OURS {exceptions.Count}")
            + (peerExceptions.IsEmpty ? string.Empty : $"; exceptions in {peer?.Name}: {peerExceptions.Count}"));
        foreach (var e in exceptions.Concat(peerExceptions).Distinct().Take(5))
        {
            Console.WriteLine($"    exception: {e}");
        }

        repoTotals.Add(projectTotals);
    }

    if (compiler.MissingPackages.Count > 0)
    {
        Console.WriteLine($"  packages not in the local folder (their types are unresolved): {string.Join(", ", compiler.MissingPackages.Take(25))}{(compiler.MissingPackages.Count > 25 ? ", ..." : string.Empty)}");
    }

    repoTotals.Print($"{name} total");
    total.Add(repoTotals);
    GC.Collect();
}

Console.WriteLine();
total.Print("ALL");
Console.WriteLine($"exceptions in our analyzers: {total.Exceptions.Count}");
Console.WriteLine($"elapsed: {clock.Elapsed.TotalSeconds:F0} s");
return 0;

string? Option(string name)
{
    var index = arguments.IndexOf(name);
    if (index < 0 || index + 1 >= arguments.Count)
    {
        return null;
    }

    var value = arguments[index + 1];
    arguments.RemoveRange(index, 2);
    return value;
}

bool Flag(string name) => arguments.Remove(name);

// Demo and benchmark projects of a repository (generated placeholder tests, runner comparisons) are not
// its test suite; --include-samples keeps them.
static bool IsSampleOrBenchmark(string relativePath)
    => relativePath.Split('/', '\\').Any(part => part.Equals("samples", StringComparison.OrdinalIgnoreCase)
        || part.Equals("sample", StringComparison.OrdinalIgnoreCase)
        || part.StartsWith("benchmark", StringComparison.OrdinalIgnoreCase));

static string Commit(string repository)
{
    var marker = Path.Combine(repository, ".corpus-commit");
    return File.Exists(marker) ? File.ReadAllText(marker).Trim() : "unknown";
}

internal sealed record Finding(string Repo, string Commit, string Project, string File, int Line, string Id, string Severity, string Message, string Code);

internal sealed class RunTotals
{
    public int Projects { get; set; }

    public long TestLines { get; set; }

    public double OursMs { get; set; }

    public double PeerMs { get; set; }

    public Dictionary<string, double> PeerMsPerAnalyzer { get; } = new(StringComparer.Ordinal);

    public int CompileErrors { get; set; }

    public SortedDictionary<string, int> Findings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> MsPerAnalyzer { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Exceptions { get; } = new();

    public void Add(RunTotals other)
    {
        Projects += other.Projects;
        TestLines += other.TestLines;
        OursMs += other.OursMs;
        PeerMs += other.PeerMs;
        foreach (var (analyzer, ms) in other.PeerMsPerAnalyzer)
        {
            PeerMsPerAnalyzer.TryGetValue(analyzer, out var existing);
            PeerMsPerAnalyzer[analyzer] = existing + ms;
        }

        CompileErrors += other.CompileErrors;
        foreach (var (id, count) in other.Findings)
        {
            Findings.TryGetValue(id, out var existing);
            Findings[id] = existing + count;
        }

        foreach (var (analyzer, ms) in other.MsPerAnalyzer)
        {
            MsPerAnalyzer.TryGetValue(analyzer, out var existing);
            MsPerAnalyzer[analyzer] = existing + ms;
        }

        foreach (var e in other.Exceptions)
        {
            Exceptions.Add(e);
        }
    }

    /// <summary>How many of our analyzers the per-repository line lists (--top N, 6 by default).</summary>
    public static int Top { get; set; } = 6;

    public void Print(string title)
    {
        var findings = Findings.Values.Sum();
        Console.WriteLine($"  {title}: {Projects} projects, {TestLines:N0} test lines, {CompileErrors} compile errors, {findings} findings ({(TestLines > 0 ? findings * 1000.0 / TestLines : 0):F2} per 1,000 lines)");
        Console.WriteLine($"    per rule: {string.Join(" ", Findings.Select(f => $"{f.Key}:{f.Value}"))}");
        Console.WriteLine($"    analyzer time: ours {OursMs:F0} ms, framework analyzers {PeerMs:F0} ms, ratio {(PeerMs > 0 ? OursMs / PeerMs : 0):F2}; slowest of ours {MsPerAnalyzer.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value:F0} ms").FirstOrDefault()}, slowest framework analyzer {PeerMsPerAnalyzer.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value:F0} ms").FirstOrDefault() ?? "-"}");
        Console.WriteLine($"    ours by analyzer: {string.Join(", ", MsPerAnalyzer.OrderByDescending(m => m.Value).Take(Top).Select(m => $"{m.Key} {m.Value:F0}"))}");
    }
}

/// <summary>A test framework's own analyzer package, loaded from the NuGet folder.</summary>
internal sealed record Peer(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers);

internal static class Peers
{
    public static Dictionary<string, Peer> Load(PackageResolver resolver)
    {
        var result = new Dictionary<string, Peer>(StringComparer.Ordinal);
        // The versions the project downloads (TestSmells.Corpus.csproj): their analyzers load in this
        // tool's compiler; a newer version restored for a repository may need a newer compiler.
        Add("xunit", "xunit.analyzers", "1.18.0", "xunit.analyzers.dll");
        Add("nunit", "NUnit.Analyzers", "4.15.0", "nunit.analyzers.dll");
        Add("mstest", "MSTest.Analyzers", "4.5.3", "MSTest.Analyzers.dll");
        return result;

        void Add(string framework, string package, string version, string file)
        {
            var folder = Path.Combine(resolver.Root, package.ToLowerInvariant(), version);
            folder = Directory.Exists(folder) ? folder : null;
            var path = folder == null ? null : Directory.EnumerateFiles(Path.Combine(folder, "analyzers"), file, SearchOption.AllDirectories)
                .FirstOrDefault(f => f.Contains("/cs/", StringComparison.Ordinal) || f.Contains("/dotnet/", StringComparison.Ordinal));
            if (path == null)
            {
                Console.WriteLine($"(peer {package} not found in {resolver.Root})");
                return;
            }

            var assembly = Assembly.LoadFrom(path);
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types.OfType<Type>().ToArray();
            }

            var analyzers = types
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            if (analyzers.IsEmpty)
            {
                Console.WriteLine($"(peer {package} {version}: no analyzer could be loaded)");
                return;
            }

            result[framework] = new Peer($"{package} {Path.GetFileName(folder)}", analyzers);
        }
    }

    public static string? FrameworkOf(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName("Xunit.FactAttribute") != null)
        {
            return "xunit";
        }

        if (compilation.GetTypeByMetadataName("NUnit.Framework.TestAttribute") != null)
        {
            return "nunit";
        }

        return compilation.GetTypeByMetadataName("Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute") != null ? "mstest" : null;
    }
}
