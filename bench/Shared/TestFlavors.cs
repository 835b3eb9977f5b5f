using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using TestSmells.SuiteGeneration;

namespace TestSmells.Flavors;

/// <summary>A test framework (and major version) that test sources are compiled against.</summary>
public enum Flavor
{
    XunitV2,
    XunitV3,
    NUnit3,
    NUnit4,
    MSTest3,
    MSTest4,
    TUnit,
}

/// <summary>Libraries that a test source may use on top of its framework.</summary>
[Flags]
public enum Libs
{
    None = 0,
    Moq = 1,
    NSubstitute = 2,
    FakeItEasy = 4,
    FluentAssertions = 8,
    AwesomeAssertions = 16,
    Shouldly = 32,

    /// <summary>Microsoft.EntityFrameworkCore (with its relational layer).</summary>
    EFCore = 64,

    /// <summary>Microsoft.EntityFrameworkCore.InMemory (implies <see cref="EFCore"/>).</summary>
    EFCoreInMemory = 128,

    /// <summary>Microsoft.EntityFrameworkCore.Sqlite and Microsoft.Data.Sqlite (implies <see cref="EFCore"/>).</summary>
    EFCoreSqlite = 256,

    /// <summary>Microsoft.Extensions.TimeProvider.Testing (<c>FakeTimeProvider</c>).</summary>
    TimeProviderTesting = 512,
}

/// <summary>One package at one version, as listed in the reference packages of Directory.Packages.props.</summary>
public readonly record struct ReferencePackage(string Id, string Version)
{
    /// <summary>Where restore put it (the NuGet global packages folder).</summary>
    public string Folder => Path.Combine(ReferencePackages.Root, Id.ToLowerInvariant(), Version);
}

/// <summary>
/// The reference packages of Directory.Packages.props (their only version table), as the project's
/// assembly metadata carries them (bench/Shared/ReferencePackages.targets writes it).
/// </summary>
public static class ReferencePackages
{
    private static readonly Dictionary<string, string> Metadata = typeof(ReferencePackages).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .ToDictionary(a => a.Key, a => a.Value ?? string.Empty);

    private static readonly ILookup<string, string> Versions = Metadata["ReferencePackages"]
        .Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split('/'))
        .ToLookup(entry => entry[0], entry => entry[1], StringComparer.OrdinalIgnoreCase);

    /// <summary>The NuGet global packages folder.</summary>
    public static string Root => Metadata["ReferencePackageRoot"];

    /// <summary>The package <paramref name="id"/>; where two versions are listed, the one of <paramref name="major"/>.</summary>
    public static ReferencePackage Get(string id, int? major = null)
    {
        var versions = Versions[id].Where(v => major is null || v.StartsWith(major + ".", StringComparison.Ordinal)).ToArray();
        return versions.Length == 1
            ? new ReferencePackage(id, versions[0])
            : throw new InvalidOperationException($"Directory.Packages.props lists {versions.Length} reference versions of {id}{(major is null ? "" : " " + major + ".x")}");
    }

    /// <summary>The version of <see cref="Get"/>.</summary>
    public static string Version(string id, int? major = null) => Get(id, major).Version;
}

/// <summary>
/// The one table of test flavours: which reference packages a test source of each framework and
/// library compiles against, for the analyzer tests and the benchmark alike.
/// </summary>
public static class TestFlavors
{
    /// <summary>Every flavour, in declaration order.</summary>
    public static readonly Flavor[] All = (Flavor[])Enum.GetValues(typeof(Flavor));

    // The table: the reference packages of each flavour and library ("id" or "id@major" where
    // Directory.Packages.props lists two versions). FakeItEasy asks for a Castle.Core that is not served,
    // so the one that is comes with it; Moq's comes from dependency resolution (TestFlavors.Dependencies).
    private static readonly (Flavor Flavor, string Packages)[] FlavorPackages =
    {
        (Flavor.XunitV2, "xunit.extensibility.core xunit.assert xunit.abstractions"),
        (Flavor.XunitV3, "xunit.v3.extensibility.core xunit.v3.assert"),
        (Flavor.NUnit3, "NUnit@3"),
        (Flavor.NUnit4, "NUnit@4"),
        (Flavor.MSTest3, "MSTest.TestFramework@3"),
        (Flavor.MSTest4, "MSTest.TestFramework@4"),
        (Flavor.TUnit, "TUnit.Core TUnit.Assertions"),
    };

    private static readonly (Libs Libs, string Packages)[] LibraryPackages =
    {
        (Libs.Moq, "Moq"),
        (Libs.NSubstitute, "NSubstitute"),
        (Libs.FakeItEasy, "FakeItEasy Castle.Core@4"),
        (Libs.FluentAssertions, "FluentAssertions"),
        (Libs.AwesomeAssertions, "AwesomeAssertions"),
        (Libs.Shouldly, "Shouldly"),
        (Libs.EFCore | Libs.EFCoreInMemory | Libs.EFCoreSqlite, "Microsoft.EntityFrameworkCore"),
        (Libs.EFCoreInMemory, "Microsoft.EntityFrameworkCore.InMemory"),
        (Libs.EFCoreSqlite, "Microsoft.EntityFrameworkCore.Sqlite"),
        (Libs.TimeProviderTesting, "Microsoft.Extensions.TimeProvider.Testing"),
    };

    /// <summary>The packages, besides .NET, that a test source of <paramref name="flavor"/> using <paramref name="libs"/> compiles against.</summary>
    public static IReadOnlyList<ReferencePackage> Packages(Flavor? flavor, Libs libs = Libs.None)
        => FlavorPackages.Where(row => row.Flavor == flavor).Select(row => row.Packages)
            .Concat(LibraryPackages.Where(row => (row.Libs & libs) != 0).Select(row => row.Packages))
            .SelectMany(packages => packages.Split(' '))
            .Select(package => package.Split('@'))
            .Select(parts => ReferencePackages.Get(parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : null))
            .ToList();

    /// <summary>
    /// The packages that <paramref name="packages"/> depend on, for a harness that does not resolve
    /// dependencies itself (the benchmark): Moq's Castle.Core.
    /// </summary>
    public static IEnumerable<ReferencePackage> Dependencies(IEnumerable<ReferencePackage> packages)
        => packages.Any(p => p.Id == "Moq") ? new[] { ReferencePackages.Get("Castle.Core", 5) } : Array.Empty<ReferencePackage>();

    /// <summary>The flavour and libraries a generated suite is written for (no flavour: production code).</summary>
    public static (Flavor? Flavor, Libs Libs) Of(SuiteFlavor suite) => suite switch
    {
        SuiteFlavor.Xunit => (Flavor.XunitV2, Libs.Moq | Libs.FluentAssertions),
        SuiteFlavor.NUnit => (Flavor.NUnit4, Libs.Moq),
        SuiteFlavor.MSTest => (Flavor.MSTest3, Libs.Moq),
        _ => (null, Libs.None),
    };
}
