using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TestSmells.Analyzers.Tests.Infrastructure;

/// <summary>
/// Reference assemblies per flavour: .NET 8 plus the real NuGet packages of the framework and
/// libraries (which ones: <see cref="TestFlavors.Packages"/>; their versions: Directory.Packages.props).
/// </summary>
public static class References
{
    public static readonly ReferenceAssemblies Net = new ReferenceAssemblies(
        "net8.0",
        Package("Microsoft.NETCore.App.Ref"),
        Path.Combine("ref", "net8.0"));

    public static ReferenceAssemblies For(Flavor? flavor, Libs libs = Libs.None)
    {
        var packages = TestFlavors.Packages(flavor, libs);
        return packages.Count == 0 ? Net : Net.AddPackages(packages.Select(p => new PackageIdentity(p.Id, p.Version)).ToImmutableArray());
    }

    /// <summary>A reference package of Directory.Packages.props (of <paramref name="major"/> where two versions are listed).</summary>
    public static PackageIdentity Package(string id, int? major = null)
    {
        var package = ReferencePackages.Get(id, major);
        return new PackageIdentity(package.Id, package.Version);
    }

    /// <summary>
    /// Assemblies a flavour's package adds outside <c>lib/</c>, which <see cref="ReferenceAssemblies"/>
    /// does not resolve: MSTest ships <c>TestContext</c> in <c>buildTransitive/</c>.
    /// </summary>
    public static ImmutableArray<MetadataReference> Additional(Flavor? flavor)
    {
        var file = flavor switch
        {
            Flavor.MSTest3 => (Major: 3, Name: "Microsoft.VisualStudio.TestPlatform.TestFramework.Extensions.dll"),
            Flavor.MSTest4 => (Major: 4, Name: "MSTest.TestFramework.Extensions.dll"),
            _ => default((int Major, string Name)?),
        };
        if (file is not { } found)
        {
            return ImmutableArray<MetadataReference>.Empty;
        }

        var path = Path.Combine(ReferencePackages.Get("MSTest.TestFramework", found.Major).Folder, "buildTransitive", "net8.0", found.Name);
        return ImmutableArray.Create<MetadataReference>(MetadataReference.CreateFromFile(path));
    }
}
