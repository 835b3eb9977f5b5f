using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Testing;

namespace TestSmells.Analyzers.Tests.Infrastructure;

/// <summary>The package versions the project file downloads, read from assembly metadata.</summary>
internal static class Packages
{
    private static readonly ImmutableDictionary<string, string> Metadata = typeof(Packages).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .ToImmutableDictionary(a => a.Key, a => a.Value ?? string.Empty);

    private static readonly ImmutableDictionary<string, string> Versions = Metadata["TestedPackageVersions"]
        .Split(';')
        .Select(pair => pair.Split('='))
        .ToImmutableDictionary(pair => pair[0], pair => pair[1]);

    public static string Version(string property) => Versions[property];

    public static string RepoRoot => Metadata["RepoRoot"];

    public static string NuGetPackageRoot => Metadata["NuGetPackageRoot"];

    public static string ProductVersion => Metadata["PackageVersion"];

    public static PackageIdentity Package(string id, string versionProperty) => new(id, Version(versionProperty));
}
