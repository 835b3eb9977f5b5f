using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

using TestSmells.Tests.Shared;

namespace TestSmells.Cli.Tests;

/// <summary>
/// The work the CLI tests share, done once (builds and the tool install are the slow part):
/// <list type="number">
/// <item>mirrors what the samples need of the repository into a temporary folder (nothing here writes
/// to the repository's samples, which other tests build at the same time);</item>
/// <item>builds the smelly suite (with the app, the analyzers and the code fixes) and restores the
/// honest one;</item>
/// <item>packs src/Cli as a .NET tool into a local folder and installs it from there with
/// <c>dotnet tool install --tool-path --add-source</c>, as the README says; every test runs the
/// installed <c>testsmells</c>, so the package is what gets tested;</item>
/// <item>scans the untouched smelly suite once, writing the HTML, SARIF and JSON reports.</item>
/// </list>
/// Tests that change the smelly suite call <see cref="Reset"/> first: it puts back the sources as
/// mirrored and removes any baseline, so no test depends on what another left behind.
/// </summary>
public sealed class CliSample : IAsyncLifetime
{
    public const string PackageId = "TestSmells.Cli";

    public static readonly string RepoRoot = Metadata("RepoRoot");

    public static readonly string Configuration = Metadata("Configuration");

    /// <summary>The tool as built by the test project's reference (for the tests that need no sample).</summary>
    public static readonly string BuiltTool = Path.Combine(RepoRoot, "src", "Cli", "bin", Configuration, "net10.0", "testsmells.dll");

    private static readonly string[] Mirrored =
    {
        "src/Analyzers", "src/CodeFixes", "src/Package/buildTransitive/config", "samples/OrdersApi", "samples/OrdersApi.Tests",
        "samples/OrdersApi.SmellyTests", "samples/OrdersApi.SmellyTests.Production",
        "Directory.Build.props", "Directory.Packages.props", "global.json", "samples/Directory.Packages.props",
        "src/Package/buildTransitive/TestSmells.Baseline.globalconfig",
    };

    /// <summary>The folders whose sources <see cref="Reset"/> puts back.</summary>
    private static readonly string[] Resettable = { "samples/OrdersApi.SmellyTests", "samples/OrdersApi.SmellyTests.Production" };

    private readonly Dictionary<string, string> _originals = new(StringComparer.Ordinal);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "testsmells-cli-" + Guid.NewGuid().ToString("N")[..12]);

    public string Smelly => Path.Combine(Root, "samples", "OrdersApi.SmellyTests", "OrdersApi.SmellyTests.csproj");

    public string Honest => Path.Combine(Root, "samples", "OrdersApi.Tests", "OrdersApi.Tests.csproj");

    public string SmellyBaseline => Path.Combine(Root, "samples", "OrdersApi.SmellyTests", "testsmells.baseline");

    /// <summary>The local feed the tool package is packed into.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The installed command (the tool's shim in --tool-path).</summary>
    public string Tool => Path.Combine(Root, "tools", OperatingSystem.IsWindows() ? "testsmells.exe" : "testsmells");

    public ProcessResult SmellyBuild { get; private set; } = ProcessResult.NotRun;

    public ProcessResult HonestRestore { get; private set; } = ProcessResult.NotRun;

    public ProcessResult Pack { get; private set; } = ProcessResult.NotRun;

    public ProcessResult Install { get; private set; } = ProcessResult.NotRun;

    /// <summary>testsmells scan of the untouched smelly suite, writing <see cref="Html"/>, <see cref="Sarif"/> and <see cref="Json"/>.</summary>
    public ProcessResult Scan { get; private set; } = ProcessResult.NotRun;

    public string Html => Path.Combine(Root, "out", "report.html");

    public string Sarif => Path.Combine(Root, "out", "report.sarif");

    public string Json => Path.Combine(Root, "out", "report.json");

    public List<(string Step, TimeSpan Elapsed)> Timings { get; } = new();

    public async Task InitializeAsync()
    {
        Mirror();
        foreach (var file in ResettableFiles())
        {
            _originals[file] = File.ReadAllText(file);
        }

        // The tool first: packing reuses the build of src/Cli that the test project's reference made.
        Directory.CreateDirectory(Feed);
        Pack = await Step("pack the tool", RunAsync(Root, "dotnet", "pack", Path.Combine(RepoRoot, "src", "Cli", "TestSmells.Cli.csproj"), "--no-build", "-c", Configuration, "-o", Feed, "-nologo", "-v:q"));

        // A nuget.config that knows no source: the package can only come from --add-source, and a
        // package of the same version cached by an earlier run cannot stand in for this one.
        var config = Path.Combine(Root, "tool.nuget.config");
        File.WriteAllText(config, "<configuration><packageSources><clear /></packageSources></configuration>\n");
        Install = await Step("install the tool", RunAsync(
            Root,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") },
            "dotnet", "tool", "install", PackageId, "--tool-path", Path.Combine(Root, "tools"), "--add-source", Feed, "--configfile", config));

        SmellyBuild = await Step("build the smelly suite", RunAsync(Root, "dotnet", Build(Smelly)));
        HonestRestore = await Step("restore the honest suite", RunAsync(Root, "dotnet", "restore", Honest));

        // The untouched smelly suite's scan, read by the report test and, as the count to beat, the fix test.
        Scan = await Step("scan the smelly suite, three reports", ToolAsync("scan", Smelly, "--output", Html, "--output", Sarif, "--output", Json));
    }

    public Task DisposeAsync()
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
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>A build of the mirror's project, quiet, without the terminal logger or a lingering build server.</summary>
    public static string[] Build(string project, params string[] extra)
        => new[] { "build", project, "-nologo", "-v:q", "-tl:off", "-nodeReuse:false" }.Concat(extra).ToArray();

    /// <summary>The smelly sources as mirrored, no file added, no baseline.</summary>
    public void Reset()
    {
        foreach (var file in ResettableFiles())
        {
            if (!_originals.ContainsKey(file))
            {
                File.Delete(file);
            }
        }

        foreach (var (file, text) in _originals)
        {
            if (!File.Exists(file) || File.ReadAllText(file) != text)
            {
                File.WriteAllText(file, text);
            }
        }

        File.Delete(SmellyBaseline);
    }

    /// <summary>The installed command, with step lines instead of a live progress bar.</summary>
    public Task<ProcessResult> ToolAsync(params string[] arguments)
        => RunAsync(Root, Tool, arguments.Append("--no-progress").ToArray());

    public Task<ProcessResult> DotnetAsync(params string[] arguments) => RunAsync(Root, "dotnet", arguments);

    public string DescribeTimings() => string.Join("\n", Timings.Select(t => $"{t.Elapsed.TotalSeconds,6:0.0} s  {t.Step}"));

    public async Task<ProcessResult> Step(string name, Task<ProcessResult> running)
    {
        var result = await running;
        lock (Timings)
        {
            Timings.Add((name, result.Elapsed));
        }

        return result;
    }

    public static Task<ProcessResult> RunAsync(string folder, string executable, params string[] arguments)
        => RunAsync(folder, new Dictionary<string, string>(), executable, arguments);

    public static async Task<ProcessResult> RunAsync(string folder, IReadOnlyDictionary<string, string> environment, string executable, params string[] arguments)
    {
        var run = await ChildProcess.RunAsync(
            executable, Directory.Exists(folder) ? folder : Path.GetTempPath(), arguments, TimeSpan.FromMinutes(5), environment);
        return run.TimedOut
            ? new ProcessResult(-1, $"timed out after 5 minutes: {executable} {string.Join(' ', arguments)}\n{run.Output}", run.Elapsed)
            : new ProcessResult(run.ExitCode, run.Output, run.Elapsed);
    }

    private IEnumerable<string> ResettableFiles()
        => Resettable.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
            .Where(file => !Path.GetRelativePath(Root, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(file => Path.GetFileName(file) != "testsmells.baseline")
            .ToList();

    private void Mirror()
    {
        foreach (var entry in Mirrored)
        {
            var from = Path.Combine(RepoRoot, entry);
            var to = Path.Combine(Root, entry);
            if (File.Exists(from))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to);
                continue;
            }

            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("bin") || parts.Contains("obj") || Path.GetFileName(file) == "testsmells.baseline")
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
                File.Copy(file, Path.Combine(to, relative));
            }
        }
    }

    private static string Metadata(string key)
        => typeof(CliSample).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>What a process printed (standard output and error, interleaved), its exit code and how long it took.</summary>
public sealed record ProcessResult(int Exit, string Output, TimeSpan Elapsed)
{
    public static readonly ProcessResult NotRun = new(-1, "not run", TimeSpan.Zero);
}

[CollectionDefinition(Name)]
public sealed class CliSampleCollection : ICollectionFixture<CliSample>
{
    public const string Name = "the installed tool on a built copy of the sample";
}
