using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace TestSmells.Benchmarks;

/// <summary>Metadata references from the running .NET and from packages in the NuGet global folder.</summary>
public static class References
{
    private static readonly Dictionary<string, string> Metadata = typeof(References).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .ToDictionary(a => a.Key, a => a.Value ?? string.Empty);

    private static readonly Dictionary<string, string> Versions = Metadata["Packages"]
        .Split(';')
        .Select(p => p.Split('='))
        .ToDictionary(p => p[0], p => p[1]);

    public static string PackageFolder(string id) => Path.Combine(Metadata["NuGetPackageRoot"], id, Versions[id]);

    public static IEnumerable<MetadataReference> Framework()
    {
        var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(folder, "*.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Where(IsManaged)
            .Select(f => MetadataReference.CreateFromFile(f));
    }

    public static IEnumerable<MetadataReference> Package(string id)
    {
        var lib = Path.Combine(PackageFolder(id), "lib");
        var tfm = new[] { "net8.0", "net6.0", "netstandard2.1", "netstandard2.0", "netstandard1.1" }
            .FirstOrDefault(t => Directory.Exists(Path.Combine(lib, t)))
            ?? throw new InvalidOperationException($"No usable lib folder in {lib}");
        return Directory.GetFiles(Path.Combine(lib, tfm), "*.dll").Select(f => MetadataReference.CreateFromFile(f));
    }

    public static IEnumerable<MetadataReference> For(SuiteFlavor flavor)
    {
        var packages = flavor switch
        {
            SuiteFlavor.Xunit => new[] { "xunit.extensibility.core", "xunit.assert", "xunit.abstractions", "moq", "castle.core", "fluentassertions" },
            SuiteFlavor.NUnit => new[] { "nunit", "moq", "castle.core" },
            SuiteFlavor.MSTest => new[] { "mstest.testframework", "moq", "castle.core" },
            _ => Array.Empty<string>(),
        };
        return Framework().Concat(packages.SelectMany(Package));
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
