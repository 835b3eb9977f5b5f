using System.Collections.Immutable;
using System.Linq;
using System.Reflection;

namespace TestSmells.Analyzers.Tests.Infrastructure;

/// <summary>Where the repository is and which version of our package it builds, read from assembly metadata.</summary>
internal static class Packages
{
    private static readonly ImmutableDictionary<string, string> Metadata = typeof(Packages).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .ToImmutableDictionary(a => a.Key, a => a.Value ?? string.Empty);

    public static string RepoRoot => Metadata["RepoRoot"];

    public static string ProductVersion => Metadata["PackageVersion"];
}
