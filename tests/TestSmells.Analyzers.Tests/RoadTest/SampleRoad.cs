using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Tests.Packaging;

namespace TestSmells.Analyzers.Tests.RoadTest;

/// <summary>
/// The road test's shared work, done once for all its tests (builds are the slow part), in this order:
/// <list type="number">
/// <item>copies the smelly sample (samples/OrdersApi.SmellyTests and its production-style library) to a
/// temporary folder, below small Directory.*.props that import the repository's, so the copy builds
/// exactly like the original (its paths go through <c>$(RepoRoot)</c>);</item>
/// <item>builds the copy: the findings of the untouched sample;</item>
/// <item>rebuilds the honest suite (samples/OrdersApi.Tests) in place, its project alone, so that its
/// compiler, and with it our analyzers, really runs;</item>
/// <item>runs <c>dotnet format analyzers</c> over the copy for every rule that has a code fix, pass after
/// pass until a pass changes nothing, as a user would;</item>
/// <item>builds the fixed copy, then runs its tests marked <c>[Trait("RoadTest", "RunAfterFixes")]</c>
/// (the worker, the clock and the database, which the fixes changed) several times.</item>
/// </list>
/// The temporary folder is deleted afterwards unless TESTSMELLS_ROADTEST_KEEP=1.
/// </summary>
public sealed class SampleRoad : IAsyncLifetime
{
    public const string SmellyFolder = "OrdersApi.SmellyTests";
    public const string ProductionFolder = "OrdersApi.SmellyTests.Production";

    /// <summary>The trait of the smelly tests that the road test runs once the fixes are applied.</summary>
    public const string RunAfterFixesFilter = "RoadTest=RunAfterFixes";

    /// <summary>How often the fixed tests run: one green run of a flaky test proves little.</summary>
    public const int TestRuns = 3;

    /// <summary>
    /// dotnet format applies, per rule and pass, the Fix All of the first code action offered for the
    /// first finding it picks, so rules with two fixes (wait: poll or advance the fake clock; clock:
    /// fake clock or fixed instant) need a second pass. The fourth must change nothing.
    /// </summary>
    private const int MaxFormatPasses = 4;

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FormatTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(3);

    private readonly Stopwatch _clock = new();

    /// <summary>The temporary folder holding the copy.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "testsmells-road-" + Guid.NewGuid().ToString("N")[..12]);

    public static string SamplesFolder => Path.Combine(Packages.RepoRoot, "samples");

    public string SmellyProject => Path.Combine(Root, SmellyFolder, SmellyFolder + ".csproj");

    /// <summary>Every rule id that a code fix of the package fixes, found by reflection over the code fixes assembly.</summary>
    public static ImmutableArray<string> FixableIds { get; } = typeof(WallClockCodeFix).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
        .Where(id => id.StartsWith("TST", StringComparison.Ordinal))
        .Distinct()
        .OrderBy(id => id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The markers of the untouched sample.</summary>
    public IReadOnlyList<ExpectMarker> Markers { get; private set; } = Array.Empty<ExpectMarker>();

    /// <summary>Files left out of the format run: they hold a finding of a fixable rule that has no fix (see <see cref="ExpectMarker.NoFix"/>).</summary>
    public IReadOnlyList<string> KeptOutOfFormat { get; private set; } = Array.Empty<string>();

    /// <summary>How many tests carry the RunAfterFixes trait in the sample's sources.</summary>
    public int RunAfterFixesTests { get; private set; }

    public CliResult SmellyBuild { get; private set; } = null!;

    public CliResult HonestBuild { get; private set; } = null!;

    /// <summary>The honest suite's assembly was written by this run's rebuild (its compiler ran).</summary>
    public bool HonestSuiteCompiled { get; private set; }

    public List<CliResult> FormatPasses { get; } = new();

    /// <summary>Whether the last format pass left the sources unchanged (a fixed point was reached).</summary>
    public bool FormatSettled { get; private set; }

    /// <summary>The sources of the copy after the fixes, by relative path (for failure messages).</summary>
    public Dictionary<string, string> FixedSources { get; } = new(StringComparer.Ordinal);

    public CliResult? FixedBuild { get; private set; }

    public List<CliResult> FixedTestRuns { get; } = new();

    /// <summary>How long each step took, in order.</summary>
    public List<(string Step, TimeSpan Elapsed)> Timings { get; } = new();

    public TimeSpan Total { get; private set; }

    public async Task InitializeAsync()
    {
        _clock.Start();
        CopySample();
        Markers = ExpectMarkers.Read(Root, SmellyFolder, ProductionFolder);
        KeptOutOfFormat = Markers.Where(m => m.NoFix).Select(m => m.File).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
        RunAfterFixesTests = ExpectMarkers.SourceFiles(Root, SmellyFolder)
            .Sum(f => File.ReadAllLines(Path.Combine(Root, f)).Count(l => l.Trim() == "[Trait(\"RoadTest\", \"RunAfterFixes\")]"));

        // The untouched sample (the build restores the copy; the app and the analyzers build in the repository).
        SmellyBuild = await Step("build the smelly sample", DotNetCli.RunAsync(Root, BuildTimeout, Build(SmellyProject)));

        // The honest suite, in place: its project alone is rebuilt (its references were just built above).
        var honestProject = Path.Combine(SamplesFolder, "OrdersApi.Tests", "OrdersApi.Tests.csproj");
        var honestAssembly = Path.Combine(SamplesFolder, "OrdersApi.Tests", "obj", "Debug", "net10.0", "OrdersApi.Tests.dll");
        var honestBefore = File.Exists(honestAssembly) ? File.GetLastWriteTimeUtc(honestAssembly) : (DateTime?)null;
        HonestBuild = await Step("rebuild the honest suite", DotNetCli.RunAsync(
            SamplesFolder, BuildTimeout, Build(honestProject, "-t:Rebuild", "-p:BuildProjectReferences=false")));
        HonestSuiteCompiled = File.Exists(honestAssembly) && File.GetLastWriteTimeUtc(honestAssembly) != honestBefore;

        if (!SmellyBuild.Succeeded)
        {
            Total = _clock.Elapsed;
            return;
        }

        await FixAsync();
        foreach (var file in ExpectMarkers.SourceFiles(Root, SmellyFolder, ProductionFolder))
        {
            FixedSources[file] = File.ReadAllText(Path.Combine(Root, file));
        }

        // Every project of the copy compiles again (an unchanged one would otherwise keep its old outputs
        // and report nothing): the intermediate outputs go, the restore results stay.
        foreach (var folder in new[] { SmellyFolder, ProductionFolder })
        {
            var intermediate = Path.Combine(Root, folder, "obj", "Debug");
            if (Directory.Exists(intermediate))
            {
                Directory.Delete(intermediate, recursive: true);
            }
        }

        FixedBuild = await Step("build the fixed copy", DotNetCli.RunAsync(Root, BuildTimeout, Build(SmellyProject, "--no-restore")));
        if (FixedBuild.Succeeded)
        {
            for (var run = 1; run <= TestRuns; run++)
            {
                FixedTestRuns.Add(await Step($"run the fixed tests ({run}/{TestRuns})", DotNetCli.RunAsync(
                    Root, TestTimeout, "test", SmellyProject, "--no-build", "--filter", RunAfterFixesFilter, "-nologo")));
            }
        }

        Total = _clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("TESTSMELLS_ROADTEST_KEEP") != "1")
        {
            try
            {
                if (Directory.Exists(Root))
                {
                    Directory.Delete(Root, recursive: true);
                }
            }
            catch (IOException)
            {
                // A leftover temporary folder is not worth failing a run over.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Our diagnostics in a build's output, with paths relative to the copy (or to samples/ for the honest suite).</summary>
    public IReadOnlyList<BuildDiagnostic> Findings(CliResult build)
        => build.Diagnostics
            .Where(d => d.Id.StartsWith("TST", StringComparison.Ordinal))
            .Select(d => d with { File = SampleRelative(d.File), Project = null, Message = string.Empty })
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ToList();

    /// <summary>A timing summary, for test output.</summary>
    public string DescribeTimings()
        => string.Join("\n", Timings.Select(t => $"{t.Elapsed.TotalSeconds,6:0.0} s  {t.Step}"))
            + $"\n{Total.TotalSeconds,6:0.0} s  road test in all";

    private string SampleRelative(string path)
    {
        var normalized = path.Replace('\\', '/');
        foreach (var root in new[] { Root, SamplesFolder })
        {
            var prefix = root.Replace('\\', '/').TrimEnd('/') + "/";
            if (normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                return normalized[prefix.Length..];
            }
        }

        // A temporary folder reached through a link (/tmp and /private/tmp): cut at the project folder.
        foreach (var folder in new[] { ProductionFolder, SmellyFolder, "OrdersApi.Tests", "OrdersApi" })
        {
            var at = normalized.LastIndexOf("/" + folder + "/", StringComparison.Ordinal);
            if (at >= 0)
            {
                return normalized[(at + 1)..];
            }
        }

        return normalized;
    }

    private async Task FixAsync()
    {
        // dotnet format needs one workspace holding both projects of the copy.
        var solution = Path.Combine(Root, "Smelly.slnx");
        File.WriteAllText(solution, $"""
            <Solution>
              <Project Path="{SmellyFolder}/{SmellyFolder}.csproj" />
              <Project Path="{ProductionFolder}/{ProductionFolder}.csproj" />
            </Solution>
            """);

        var arguments = new List<string> { "format", "analyzers", solution, "--no-restore", "--severity", "info", "--diagnostics" };
        arguments.AddRange(FixableIds);
        if (KeptOutOfFormat.Count > 0)
        {
            arguments.Add("--exclude");
            arguments.AddRange(KeptOutOfFormat);
        }

        for (var pass = 1; pass <= MaxFormatPasses; pass++)
        {
            var before = Fingerprint();
            FormatPasses.Add(await Step($"dotnet format analyzers, pass {pass}", DotNetCli.RunAsync(Root, FormatTimeout, arguments.ToArray())));
            if (!FormatPasses[^1].Succeeded)
            {
                return;
            }

            if (Fingerprint() == before)
            {
                FormatSettled = true;
                return;
            }
        }
    }

    /// <summary>A hash over the copy's sources, to tell whether a format pass changed anything.</summary>
    private string Fingerprint()
    {
        var all = new StringBuilder();
        foreach (var file in ExpectMarkers.SourceFiles(Root, SmellyFolder, ProductionFolder))
        {
            all.Append(file).Append('\0').Append(File.ReadAllText(Path.Combine(Root, file))).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())));
    }

    private void CopySample()
    {
        Directory.CreateDirectory(Root);
        foreach (var folder in new[] { SmellyFolder, ProductionFolder })
        {
            CopyFolder(Path.Combine(SamplesFolder, folder), Path.Combine(Root, folder));
        }

        // The copy builds with the repository's settings, SDK and package versions, and nothing above it.
        var repo = Packages.RepoRoot.TrimEnd('/', '\\');
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <Import Project="{Path.Combine(repo, "Directory.Build.props")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), $"""
            <Project>
              <Import Project="{Path.Combine(repo, "samples", "Directory.Packages.props")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");
        File.Copy(Path.Combine(repo, "global.json"), Path.Combine(Root, "global.json"));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = ExpectMarkers.Relative(from, file);
            if (relative.Split('/').Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string[] Build(string project, params string[] extra)
        => new[] { "build", project, "-nologo", "-v:q", "-tl:off", "-nodeReuse:false" }.Concat(extra).ToArray();

    private async Task<CliResult> Step(string name, Task<CliResult> running)
    {
        var result = await running;
        Timings.Add((name, result.Elapsed));
        return result;
    }
}
