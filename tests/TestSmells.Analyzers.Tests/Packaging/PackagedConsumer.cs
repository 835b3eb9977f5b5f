using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace TestSmells.Analyzers.Tests.Packaging;

/// <summary>
/// Once per test class: a fresh xUnit v2 consumer project, restored from the local feed of the
/// collection's <see cref="PackedPackage"/>, that each test gives a source file and builds.
/// </summary>
public sealed class PackagedConsumer : IAsyncLifetime
{
    public const string SourceFile = "WorkerTests.cs";
    private const string ProjectFile = "Consumer.Tests.csproj";

    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    public PackagedConsumer(PackedPackage package)
    {
        Package = package;
    }

    public PackedPackage Package { get; }

    public string ConsumerDirectory => Path.Combine(Package.Root, "consumer");

    public CliResult Restore { get; private set; } = null!;

    /// <summary>Where the restore extracted the package (under the NuGet global packages folder).</summary>
    public string? ExtractedPackage { get; private set; }

    public async Task InitializeAsync()
    {
        // The test dependencies at the versions this repository pins (so the registry is known to serve them).
        ConsumerProject.Write(
            Path.Combine(ConsumerDirectory, ProjectFile),
            Package.Version,
            new[]
            {
                new ConsumerReference("Microsoft.NET.Test.Sdk", ConsumerProject.Pinned("Microsoft.NET.Test.Sdk")),
                new ConsumerReference("xunit", ConsumerProject.Pinned("xunit")),
                new ConsumerReference("xunit.runner.visualstudio", ConsumerProject.Pinned("xunit.runner.visualstudio"), PrivateAssets: true),
            });
        Restore = await DotNetCli.RunAsync(
            ConsumerDirectory, RestoreTimeout, "restore", ProjectFile, "-nologo", "-v:q", "-tl:off", "-nodeReuse:false");
        ExtractedPackage = Package.RecordExtraction(ConsumerDirectory);
        if (!Restore.Succeeded)
        {
            throw new InvalidOperationException($"Restoring the consumer project failed.\n{Restore.Describe()}");
        }
    }

    // The collection's PackedPackage deletes the folder and the extracted package.
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Writes <paramref name="source"/> as the consumer's only test file (and the optional .editorconfig), then builds.</summary>
    public async Task<CliResult> BuildAsync(string source, string? editorConfig = null, params string[] properties)
    {
        File.WriteAllText(Path.Combine(ConsumerDirectory, SourceFile), source);
        var editorConfigPath = Path.Combine(ConsumerDirectory, ".editorconfig");
        if (editorConfig is null)
        {
            File.Delete(editorConfigPath);
        }
        else
        {
            File.WriteAllText(editorConfigPath, editorConfig);
        }

        // A full rebuild every time: each scenario must be compiled, never judged from the last one's outputs.
        var arguments = new List<string>
        {
            "build", ProjectFile, "--no-restore", "--no-incremental", "-nologo", "-v:q", "-tl:off", "-nodeReuse:false",
            "-p:TreatWarningsAsErrors=true",
        };
        arguments.AddRange(properties.Select(p => "-p:" + p));
        return await DotNetCli.RunAsync(ConsumerDirectory, BuildTimeout, arguments.ToArray());
    }

    /// <summary>Evaluates the consumer project (no build) and returns the value of <c>-getItem</c> / <c>-getProperty</c> as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string[] properties, params string[] queries)
    {
        var arguments = new List<string> { "msbuild", ProjectFile, "-nologo", "-nodeReuse:false" };
        arguments.AddRange(queries);
        arguments.AddRange(properties.Select(p => "-p:" + p));
        var result = await DotNetCli.RunAsync(ConsumerDirectory, BuildTimeout, arguments.ToArray());
        Assert.True(result.Succeeded, result.Describe());
        try
        {
            return JsonDocument.Parse(result.Output).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Not JSON: {e.Message}\n{result.Describe()}", e);
        }
    }
}
