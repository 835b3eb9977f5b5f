using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace TestSmells.Analyzers.Tests.Packaging;

/// <summary>
/// Once per test class: one consumer project per <see cref="ConsumerFramework"/> under one solution,
/// restored from the local feed of the collection's <see cref="PackedPackage"/> in one restore and
/// built in one build with warnings as errors. The tests read the build's diagnostics project by project.
/// </summary>
public sealed class FrameworkConsumers : IAsyncLifetime
{
    private const string SolutionFile = "Consumers.slnx";

    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    public FrameworkConsumers(PackedPackage package)
    {
        Package = package;
    }

    public PackedPackage Package { get; }

    public string Folder => Path.Combine(Package.Root, "frameworks");

    public CliResult Restore { get; private set; } = null!;

    public CliResult Build { get; private set; } = null!;

    public string ProjectDirectory(ConsumerFramework framework) => Path.Combine(Folder, framework.Name);

    public string ProjectPath(ConsumerFramework framework) => Path.Combine(ProjectDirectory(framework), framework.ProjectName + ".csproj");

    public async Task InitializeAsync()
    {
        var solution = new StringBuilder("<Solution>\n");
        foreach (var framework in ConsumerFramework.All)
        {
            ConsumerProject.Write(ProjectPath(framework), Package.Version, framework.References, framework.Properties);
            File.WriteAllText(Path.Combine(ProjectDirectory(framework), ConsumerFramework.SourceFile), framework.Source);
            solution.Append("  <Project Path=\"").Append(framework.Name).Append('/').Append(framework.ProjectName).Append(".csproj\" />\n");
        }

        solution.Append("</Solution>\n");
        File.WriteAllText(Path.Combine(Folder, SolutionFile), solution.ToString());

        // A project that fails to restore fails its own test (its build reports the missing assets);
        // the others still restore and build, so no exception here.
        Restore = await DotNetCli.RunAsync(
            Folder, RestoreTimeout, "restore", SolutionFile, "-nologo", "-v:q", "-tl:off", "-nodeReuse:false");
        foreach (var framework in ConsumerFramework.All)
        {
            Package.RecordExtraction(ProjectDirectory(framework));
        }

        // The SDK's own code analysis (CA rules) has nothing to do with ours and takes a quarter of the
        // build's time, so it is off; the frameworks' analyzers stay on, as a user has them. The gate is
        // the Recommended preset: TST1001 and TST1002 inform by default (see docs/real-world.md).
        Build = await DotNetCli.RunAsync(
            Folder,
            BuildTimeout,
            "build", SolutionFile, "--no-restore", "-nologo", "-v:q", "-tl:off", "-nodeReuse:false",
            "-p:TreatWarningsAsErrors=true", "-p:EnableNETAnalyzers=false", "-p:TestSmellsAnalysisMode=Recommended");
    }

    // The collection's PackedPackage deletes the folder and the extracted package.
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The restore (when it failed) and the build, for assertion messages.</summary>
    public string Describe()
        => (Restore.Succeeded ? string.Empty : "The restore failed:\n" + Restore.Describe() + "\n") + Build.Describe();

    /// <summary>The assembly the build writes for <paramref name="framework"/> when its compilation succeeds.</summary>
    public string OutputAssembly(ConsumerFramework framework)
        => Path.Combine(ProjectDirectory(framework), "bin", "Debug", "net10.0", framework.ProjectName + ".dll");

    public override string ToString()
        => $"{string.Join(", ", ConsumerFramework.All.Select(f => f.Name))} in {Folder}";
}
