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
/// <item>mirrors what the samples need of the repository (the analyzer and code fix projects, the
/// presets, the samples, the Directory.*.props, global.json) into a temporary folder, so that nothing
/// here writes to the repository, where <c>dotnet test Analyzers.sln</c> may be running the honest
/// suite at the same time;</item>
/// <item>builds the honest suite (samples/OrdersApi.Tests, with the app): it must report nothing;</item>
/// <item>builds the smelly sample (samples/OrdersApi.SmellyTests and its production-style library):
/// the findings of the untouched sample;</item>
/// <item>runs <c>dotnet format analyzers</c> over the smelly projects for every rule that has a code
/// fix, pass after pass until a pass changes nothing, as a user would;</item>
/// <item>builds the fixed projects, then runs their tests marked <c>[Trait("RoadTest", "RunAfterFixes")]</c>
/// (the worker, the clock, the database and the other fixed tests) several times.</item>
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
    /// One pass fixes everything: each rule's Fix All gives each finding the fix that fits it, whichever
    /// finding and key dotnet format picks. The second pass is the check: it must change nothing.
    /// </summary>
    private const int FormatPassCount = 2;

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FormatTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(3);

    /// <summary>What the samples need of the repository, relative to its root; mirrored as they are.</summary>
    private static readonly string[] MirroredFolders =
    {
        "src/Analyzers", "src/CodeFixes", "src/Package/buildTransitive/config",
        "samples/OrdersApi", "samples/OrdersApi.Tests", "samples/" + SmellyFolder, "samples/" + ProductionFolder,
    };

    private static readonly string[] MirroredFiles =
    {
        "Directory.Build.props", "Directory.Packages.props", "global.json", "samples/Directory.Packages.props",
    };

    private readonly Stopwatch _clock = new();

    /// <summary>The temporary folder holding the mirror of the repository.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "testsmells-road-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The mirror's samples folder: marker and finding paths are relative to it.</summary>
    public string Samples => Path.Combine(Root, "samples");

    public string SmellyProject => Path.Combine(Samples, SmellyFolder, SmellyFolder + ".csproj");

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

    /// <summary>How many tests carry the RunAfterFixes trait in the sample's sources.</summary>
    public int RunAfterFixesTests { get; private set; }

    public CliResult SmellyBuild { get; private set; } = null!;

    public CliResult HonestBuild { get; private set; } = null!;

    /// <summary>The honest suite's assembly was written by this build (the mirror starts without outputs, so its compiler ran).</summary>
    public bool HonestSuiteCompiled { get; private set; }

    public List<CliResult> FormatPasses { get; } = new();

    /// <summary>Whether the second format pass left the sources unchanged (the first one fixed everything).</summary>
    public bool FormatSettled { get; private set; }

    /// <summary>The smelly sources after the fixes, by relative path (for failure messages).</summary>
    public Dictionary<string, string> FixedSources { get; } = new(StringComparer.Ordinal);

    public CliResult? FixedBuild { get; private set; }

    public List<CliResult> FixedTestRuns { get; } = new();

    /// <summary>How long each step took, in order.</summary>
    public List<(string Step, TimeSpan Elapsed)> Timings { get; } = new();

    public TimeSpan Total { get; private set; }

    public async Task InitializeAsync()
    {
        _clock.Start();
        Mirror();
        Markers = ExpectMarkers.Read(Samples, SmellyFolder, ProductionFolder);
        RunAfterFixesTests = ExpectMarkers.SourceFiles(Samples, SmellyFolder)
            .Sum(f => File.ReadAllLines(Path.Combine(Samples, f)).Count(l => l.Trim() == "[Trait(\"RoadTest\", \"RunAfterFixes\")]"));

        // The honest suite first: this build also compiles the app and the analyzers, so that the app's
        // findings, if any, show up here.
        var honestProject = Path.Combine(Samples, "OrdersApi.Tests", "OrdersApi.Tests.csproj");
        HonestBuild = await Step("build the honest suite (and the app, the analyzers)", DotNetCli.RunAsync(Root, BuildTimeout, Build(honestProject)));
        HonestSuiteCompiled = File.Exists(Path.Combine(Samples, "OrdersApi.Tests", "obj", "Debug", "net10.0", "OrdersApi.Tests.dll"));

        SmellyBuild = await Step("build the smelly sample", DotNetCli.RunAsync(Root, BuildTimeout, Build(SmellyProject)));
        if (!SmellyBuild.Succeeded)
        {
            Total = _clock.Elapsed;
            return;
        }

        await FixAsync();
        foreach (var file in ExpectMarkers.SourceFiles(Samples, SmellyFolder, ProductionFolder))
        {
            FixedSources[file] = File.ReadAllText(Path.Combine(Samples, file));
        }

        // Both smelly projects compile again (an unchanged one would otherwise keep its outputs and
        // report nothing): their intermediate outputs go, their restore results stay.
        foreach (var folder in new[] { SmellyFolder, ProductionFolder })
        {
            var intermediate = Path.Combine(Samples, folder, "obj", "Debug");
            if (Directory.Exists(intermediate))
            {
                Directory.Delete(intermediate, recursive: true);
            }
        }

        FixedBuild = await Step("build the fixed smelly sample", DotNetCli.RunAsync(Root, BuildTimeout, Build(SmellyProject, "--no-restore")));
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

    /// <summary>Our diagnostics in a build's output, with paths relative to the mirror's samples folder.</summary>
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
        var prefix = Samples.Replace('\\', '/').TrimEnd('/') + "/";
        if (normalized.StartsWith(prefix, StringComparison.Ordinal))
        {
            return normalized[prefix.Length..];
        }

        // A temporary folder reached through a link (/tmp and /private/tmp): cut at samples/.
        var at = normalized.LastIndexOf("/samples/", StringComparison.Ordinal);
        return at >= 0 ? normalized[(at + "/samples/".Length)..] : normalized;
    }

    private async Task FixAsync()
    {
        // dotnet format needs one workspace holding both smelly projects.
        var solution = Path.Combine(Samples, "Smelly.slnx");
        File.WriteAllText(solution, $"""
            <Solution>
              <Project Path="{SmellyFolder}/{SmellyFolder}.csproj" />
              <Project Path="{ProductionFolder}/{ProductionFolder}.csproj" />
            </Solution>
            """);

        // Every file, the findings without a fix included; warnings ("Unable to fix ...") are logged at
        // normal verbosity.
        var arguments = new List<string> { "format", "analyzers", solution, "--no-restore", "--severity", "info", "--verbosity", "normal", "--diagnostics" };
        arguments.AddRange(FixableIds);
        for (var pass = 1; pass <= FormatPassCount; pass++)
        {
            var before = Fingerprint();
            FormatPasses.Add(await Step($"dotnet format analyzers, pass {pass}", DotNetCli.RunAsync(Samples, FormatTimeout, arguments.ToArray())));
            if (!FormatPasses[^1].Succeeded)
            {
                return;
            }

            if (pass == 2)
            {
                FormatSettled = Fingerprint() == before;
            }
        }
    }

    /// <summary>A hash over the smelly sources, to tell whether a format pass changed anything.</summary>
    private string Fingerprint()
    {
        var all = new StringBuilder();
        foreach (var file in ExpectMarkers.SourceFiles(Samples, SmellyFolder, ProductionFolder))
        {
            all.Append(file).Append('\0').Append(File.ReadAllText(Path.Combine(Samples, file))).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())));
    }

    private void Mirror()
    {
        var repo = Packages.RepoRoot;
        foreach (var folder in MirroredFolders)
        {
            CopyFolder(Path.Combine(repo, folder), Path.Combine(Root, folder));
        }

        foreach (var file in MirroredFiles)
        {
            File.Copy(Path.Combine(repo, file), Path.Combine(Root, file));
        }

        // Whatever lies above the temporary folder stays out of the build.
        foreach (var (file, stop) in new[] { ("Directory.Build.targets", "<Project />\n"), (".editorconfig", "root = true\n") })
        {
            var original = Path.Combine(repo, file);
            if (File.Exists(original))
            {
                File.Copy(original, Path.Combine(Root, file));
            }
            else
            {
                File.WriteAllText(Path.Combine(Root, file), stop);
            }
        }
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
