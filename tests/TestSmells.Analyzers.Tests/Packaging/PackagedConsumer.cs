using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Packaging;

/// <summary>
/// Once per test class: packs the real TestSmells.Analyzers package (building the analyzer projects
/// itself) under a version no cache can hold, and restores a fresh xUnit v2 consumer project from a
/// local folder feed in a temporary folder outside the repository.
/// </summary>
public sealed class PackagedConsumer : IAsyncLifetime
{
    public const string PackageId = "TestSmells.Analyzers";
    public const string SourceFile = "WorkerTests.cs";
    private const string ProjectFile = "Consumer.Tests.csproj";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The temporary folder holding the feed and the consumer; deleted afterwards unless TESTSMELLS_E2E_KEEP=1.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "testsmells-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A pre-release version unique to this run: the restore cannot reuse a package extracted earlier.</summary>
    public string Version { get; } = UniqueVersion(Packages.ProductVersion);

    public string Feed => Path.Combine(Root, "feed");

    public string ConsumerDirectory => Path.Combine(Root, "consumer");

    public string PackagePath => Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");

    public CliResult Pack { get; private set; } = null!;

    public CliResult Restore { get; private set; } = null!;

    /// <summary>Where the restore extracted the package (under the NuGet global packages folder).</summary>
    public string? ExtractedPackage { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(ConsumerDirectory);

        var project = Path.Combine(Packages.RepoRoot, "src", "Package", "TestSmells.Analyzers.Package.csproj");
        Pack = await DotNetCli.RunAsync(
            Packages.RepoRoot,
            PackTimeout,
            "pack", project, "-c", "Release", "-o", Feed, $"-p:PackageVersion={Version}", "-nologo", "-v:q", "-tl:off", "-nodeReuse:false");
        if (!Pack.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing {PackageId} failed or wrote no {Path.GetFileName(PackagePath)}.\n{Pack.Describe()}");
        }

        WriteConsumer();
        Restore = await DotNetCli.RunAsync(
            ConsumerDirectory, RestoreTimeout, "restore", ProjectFile, "-nologo", "-v:q", "-tl:off", "-nodeReuse:false");
        if (!Restore.Succeeded)
        {
            throw new InvalidOperationException($"Restoring the consumer project failed.\n{Restore.Describe()}");
        }

        ExtractedPackage = FindExtractedPackage();
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("TESTSMELLS_E2E_KEEP") != "1")
        {
            TryDelete(Root);

            // The unique version must not pile up in the developer's global packages folder.
            if (ExtractedPackage is not null)
            {
                TryDelete(ExtractedPackage);
                TryDeleteIfEmpty(Path.GetDirectoryName(ExtractedPackage)!);
            }
        }

        return Task.CompletedTask;
    }

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

    private void WriteConsumer()
    {
        // Empty files stop MSBuild's upward search, whatever lies above the temporary folder.
        foreach (var stop in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(ConsumerDirectory, stop), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(ConsumerDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="{PackageId}" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        // The test dependencies at the versions this repository pins (so the registry is known to serve them).
        var pinned = PinnedVersions();
        File.WriteAllText(Path.Combine(ConsumerDirectory, ProjectFile), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
                <!-- The vulnerability audit needs a network answer that has nothing to do with this test. -->
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{pinned["Microsoft.NET.Test.Sdk"]}" />
                <PackageReference Include="xunit" Version="{pinned["xunit"]}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{pinned["xunit.runner.visualstudio"]}" PrivateAssets="all" />
                <PackageReference Include="{PackageId}" Version="{Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
    }

    private static Dictionary<string, string> PinnedVersions()
    {
        var props = XDocument.Load(Path.Combine(Packages.RepoRoot, "Directory.Packages.props"));
        return props.Descendants("PackageVersion")
            .Where(e => e.Attribute("Include") is not null && e.Attribute("Version") is not null)
            .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The folder NuGet extracted our package into, read from the consumer's restore output.</summary>
    private string? FindExtractedPackage()
    {
        var assets = Path.Combine(ConsumerDirectory, "obj", "project.assets.json");
        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        foreach (var folder in json.RootElement.GetProperty("packageFolders").EnumerateObject())
        {
            var candidate = Path.Combine(folder.Name, PackageId.ToLowerInvariant(), Version.ToLowerInvariant());
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string UniqueVersion(string productVersion)
        => productVersion + (productVersion.Contains('-', StringComparison.Ordinal) ? "." : "-")
            + "e2e-" + Guid.NewGuid().ToString("N")[..12];

    private static void TryDeleteIfEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // Another run extracted a version meanwhile: its folder stays.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a test run over.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
