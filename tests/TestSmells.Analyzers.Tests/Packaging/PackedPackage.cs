using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Packaging;

/// <summary>
/// Once per test collection: packs the real TestSmells.Analyzers package (building the analyzer
/// projects itself) under a version no cache can hold, into a local folder feed inside a temporary
/// folder outside the repository. The consumer projects of the collection live in that folder too,
/// below the nuget.config and the empty Directory.*.props/targets written here.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    /// <summary>The collection every end-to-end test class joins, so that they share one pack (and run one after the other).</summary>
    public const string Collection = "Packed package";

    public const string PackageId = "TestSmells.Analyzers";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    private readonly HashSet<string> _extracted = new(StringComparer.Ordinal);

    /// <summary>The temporary folder holding the feed and the consumers; deleted afterwards unless TESTSMELLS_E2E_KEEP=1.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "testsmells-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A pre-release version unique to this run: a restore cannot reuse a package extracted earlier.</summary>
    public string Version { get; } = UniqueVersion(Packages.ProductVersion);

    public string Feed => Path.Combine(Root, "feed");

    public string PackagePath => Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");

    public CliResult Pack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);

        var project = Path.Combine(Packages.RepoRoot, "src", "Package", "TestSmells.Analyzers.Package.csproj");
        Pack = await DotNetCli.RunAsync(
            Packages.RepoRoot,
            PackTimeout,
            "pack", project, "-c", "Release", "-o", Feed, $"-p:PackageVersion={Version}", "-nologo", "-v:q", "-tl:off", "-nodeReuse:false");
        if (!Pack.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing {PackageId} failed or wrote no {Path.GetFileName(PackagePath)}.\n{Pack.Describe()}");
        }

        // Empty files stop MSBuild's upward search, whatever lies above the temporary folder.
        foreach (var stop in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Root, stop), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
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
    }

    /// <summary>
    /// The folder the restore of the consumer in <paramref name="projectDirectory"/> extracted our
    /// package into (under the NuGet global packages folder), remembered so that it is removed afterwards.
    /// </summary>
    public string? RecordExtraction(string projectDirectory)
    {
        var assets = Path.Combine(projectDirectory, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        foreach (var folder in json.RootElement.GetProperty("packageFolders").EnumerateObject())
        {
            var candidate = Path.Combine(folder.Name, PackageId.ToLowerInvariant(), Version.ToLowerInvariant());
            if (Directory.Exists(candidate))
            {
                lock (_extracted)
                {
                    _extracted.Add(candidate);
                }

                return candidate;
            }
        }

        return null;
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("TESTSMELLS_E2E_KEEP") != "1")
        {
            TryDelete(Root);

            // The unique version must not pile up in the developer's global packages folder.
            foreach (var extracted in _extracted)
            {
                TryDelete(extracted);
                TryDeleteIfEmpty(Path.GetDirectoryName(extracted)!);
            }
        }

        return Task.CompletedTask;
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

/// <summary>The end-to-end test classes: one pack for all of them.</summary>
[CollectionDefinition(PackedPackage.Collection)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
}
