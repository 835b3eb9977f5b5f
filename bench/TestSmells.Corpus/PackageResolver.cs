using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace TestSmells.Corpus;

/// <summary>
/// Metadata references for a project without restoring it: the running .NET and ASP.NET Core shared
/// frameworks, plus each named package and its dependencies (read from the .nuspec), at the highest
/// version present in the NuGet global packages folder.
/// </summary>
public sealed class PackageResolver
{
    private static readonly string[] FrameworkOrder =
    {
        "net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netcoreapp3.0", "netcoreapp2.1",
        "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3", "netstandard1.1", "netstandard1.0",
        "portable-net45+win8+wp8+wpa81", "net48", "net472", "net471", "net47", "net462", "net461", "net46", "net452", "net451", "net45",
    };

    private readonly string root;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>?> assembliesByPackage = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, MetadataReference> referencesByPath = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<string>> framework;

    public PackageResolver(string packageRoot)
    {
        root = packageRoot;
        framework = new Lazy<IReadOnlyList<string>>(LoadFramework);
    }

    public static PackageResolver Default()
    {
        var metadata = typeof(PackageResolver).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "NuGetPackageRoot").Value!;
        return new PackageResolver(metadata);
    }

    public string Root => root;

    /// <summary>
    /// The folder of the highest version of a package present, or null; with a requested version, the
    /// highest of the same major version wins when present (NUnit 3 code does not compile against NUnit 4).
    /// </summary>
    public string? PackageFolder(string id, string? requested = null)
    {
        var folder = Path.Combine(root, id.ToLowerInvariant());
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var major = requested is null ? -1 : ParseVersion(requested).Major;
        return Directory.GetDirectories(folder)
            .Select(d => (Dir: d, Version: ParseVersion(Path.GetFileName(d))))
            .OrderByDescending(v => v.Version.Major == major)
            .ThenByDescending(v => v.Version)
            .Select(v => v.Dir)
            .FirstOrDefault(d => Directory.EnumerateFiles(d, "*.nuspec").Any());
    }

    /// <summary>References for the given packages; <paramref name="missing"/> collects the packages not present.</summary>
    public IReadOnlyList<MetadataReference> Resolve(IEnumerable<string> packages, ISet<string> missing, IReadOnlyDictionary<string, string>? versions = null)
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in framework.Value)
        {
            paths[Path.GetFileNameWithoutExtension(path)] = path;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(packages);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!seen.Add(id) || id.StartsWith("Microsoft.NETCore.", StringComparison.OrdinalIgnoreCase) || id.Equals("NETStandard.Library", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var folder = PackageFolder(id, versions != null && versions.TryGetValue(id, out var requested) ? requested : null);
            if (folder == null)
            {
                missing.Add(id);
                continue;
            }

            foreach (var dependency in Dependencies(folder))
            {
                queue.Enqueue(dependency);
            }

            foreach (var assembly in Assemblies(id, folder))
            {
                // The shared frameworks win over packages that carry older copies of their assemblies.
                paths.TryAdd(Path.GetFileNameWithoutExtension(assembly), assembly);
            }
        }

        return paths.Values.Select(p => referencesByPath.GetOrAdd(p, static path => MetadataReference.CreateFromFile(path))).ToList();
    }

    private IReadOnlyList<string> Assemblies(string id, string folder)
        => assembliesByPackage.GetOrAdd(folder, _ =>
        {
            foreach (var kind in new[] { "ref", "lib" })
            {
                var dir = Path.Combine(folder, kind);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                var tfm = FrameworkOrder.FirstOrDefault(t => Directory.Exists(Path.Combine(dir, t)) && Directory.EnumerateFiles(Path.Combine(dir, t), "*.dll").Any());
                if (tfm != null)
                {
                    return Directory.GetFiles(Path.Combine(dir, tfm), "*.dll").Where(IsManaged).ToList();
                }
            }

            return Array.Empty<string>();
        }) ?? Array.Empty<string>();

    private static IEnumerable<string> Dependencies(string folder)
    {
        var nuspec = Directory.EnumerateFiles(folder, "*.nuspec").FirstOrDefault();
        if (nuspec == null)
        {
            return Array.Empty<string>();
        }

        try
        {
            var document = XDocument.Load(nuspec);
            var groups = document.Descendants().Where(e => e.Name.LocalName == "group").ToList();
            if (groups.Count == 0)
            {
                return document.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
            }

            var best = groups
                .Select(g => (Group: g, Rank: Rank((string?)g.Attribute("targetFramework") ?? string.Empty)))
                .Where(g => g.Rank >= 0)
                .OrderBy(g => g.Rank)
                .Select(g => g.Group)
                .FirstOrDefault();
            return best?.Elements().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).OfType<string>().ToList()
                ?? (IEnumerable<string>)Array.Empty<string>();
        }
        catch (Exception)
        {
            return Array.Empty<string>();
        }
    }

    private static int Rank(string targetFramework)
    {
        var normalized = targetFramework.ToLowerInvariant().TrimStart('.') switch
        {
            "netstandard2.0" or ".netstandard2.0" => "netstandard2.0",
            var other => other.Replace(".netstandard", "netstandard", StringComparison.Ordinal).Replace(".netcoreapp", "netcoreapp", StringComparison.Ordinal),
        };
        if (normalized.StartsWith("netcoreapp", StringComparison.Ordinal) && Version.TryParse(normalized["netcoreapp".Length..], out var core) && core.Major >= 5)
        {
            normalized = $"net{core.Major}.0";
        }

        var index = Array.IndexOf(FrameworkOrder, normalized);
        return index < 0 && normalized.Length == 0 ? FrameworkOrder.Length : index;
    }

    private static IReadOnlyList<string> LoadFramework()
    {
        var netCore = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var version = Path.GetFileName(netCore);
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(netCore))!;
        var folders = new List<string> { netCore };
        var aspNet = Path.Combine(shared, "Microsoft.AspNetCore.App");
        if (Directory.Exists(aspNet))
        {
            var best = Directory.GetDirectories(aspNet).OrderByDescending(d => ParseVersion(Path.GetFileName(d))).FirstOrDefault(d => Path.GetFileName(d).StartsWith(version.Split('.')[0], StringComparison.Ordinal))
                ?? Directory.GetDirectories(aspNet).OrderByDescending(d => ParseVersion(Path.GetFileName(d))).FirstOrDefault();
            if (best != null)
            {
                folders.Add(best);
            }
        }

        return folders.SelectMany(f => Directory.GetFiles(f, "*.dll"))
            .Where(f => !Path.GetFileName(f).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Where(IsManaged)
            .ToList();
    }

    private static Version ParseVersion(string text)
    {
        var core = text.Split('-', '+')[0];
        return Version.TryParse(core, out var version) ? version : new Version(0, 0);
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
