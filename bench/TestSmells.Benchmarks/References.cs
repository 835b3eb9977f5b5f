using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TestSmells.Flavors;
using TestSmells.SuiteGeneration;

namespace TestSmells.Benchmarks;

/// <summary>Metadata references from the running .NET and from packages in the NuGet global folder.</summary>
public static class References
{
    /// <summary>Where restore put the reference package <paramref name="id"/> (Directory.Packages.props).</summary>
    public static string PackageFolder(string id) => ReferencePackages.Get(id).Folder;

    public static IEnumerable<MetadataReference> Framework()
    {
        var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(folder, "*.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Where(IsManaged)
            .Select(f => MetadataReference.CreateFromFile(f));
    }

    public static IEnumerable<MetadataReference> Package(ReferencePackage package)
    {
        var lib = Path.Combine(package.Folder, "lib");
        var tfm = new[] { "net8.0", "net6.0", "netstandard2.1", "netstandard2.0", "netstandard1.1" }
            .FirstOrDefault(t => Directory.Exists(Path.Combine(lib, t)))
            ?? throw new InvalidOperationException($"No usable lib folder in {lib}");
        return Directory.GetFiles(Path.Combine(lib, tfm), "*.dll").Select(f => MetadataReference.CreateFromFile(f));
    }

    /// <summary>EF Core, its in-memory provider and their dependencies, as restored into this harness's output folder.</summary>
    public static IEnumerable<MetadataReference> EntityFramework()
        => Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f).StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || Path.GetFileName(f).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .Select(f => MetadataReference.CreateFromFile(f));

    public static IEnumerable<MetadataReference> For(SuiteFlavor flavor, bool entityFramework = false)
    {
        var (testFlavor, libs) = TestFlavors.Of(flavor);
        var packages = TestFlavors.Packages(testFlavor, libs);
        var references = Framework().Concat(packages.Concat(TestFlavors.Dependencies(packages)).SelectMany(Package));
        return entityFramework ? references.Concat(EntityFramework()) : references;
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
