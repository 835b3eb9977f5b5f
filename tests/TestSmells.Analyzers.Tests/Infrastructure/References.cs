using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TestSmells.Analyzers.Tests.Infrastructure;

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

/// <summary>Reference assemblies per flavour: .NET 8 plus the real NuGet packages of the framework.</summary>
public static class References
{
    public static readonly ReferenceAssemblies Net = new ReferenceAssemblies(
        "net8.0",
        Packages.Package("Microsoft.NETCore.App.Ref", "NetCoreAppRefVersion"),
        System.IO.Path.Combine("ref", "net8.0"));

    public static ReferenceAssemblies For(Flavor? flavor, Libs libs = Libs.None)
    {
        var packages = new List<PackageIdentity>();
        switch (flavor)
        {
            case Flavor.XunitV2:
                packages.Add(Packages.Package("xunit.extensibility.core", "XunitV2Version"));
                packages.Add(Packages.Package("xunit.assert", "XunitV2Version"));
                packages.Add(Packages.Package("xunit.abstractions", "XunitAbstractionsVersion"));
                break;
            case Flavor.XunitV3:
                packages.Add(Packages.Package("xunit.v3.extensibility.core", "XunitV3Version"));
                packages.Add(Packages.Package("xunit.v3.assert", "XunitV3Version"));
                break;
            case Flavor.NUnit3:
                packages.Add(Packages.Package("NUnit", "NUnit3Version"));
                break;
            case Flavor.NUnit4:
                packages.Add(Packages.Package("NUnit", "NUnit4Version"));
                break;
            case Flavor.MSTest3:
                packages.Add(Packages.Package("MSTest.TestFramework", "MSTest3Version"));
                break;
            case Flavor.MSTest4:
                packages.Add(Packages.Package("MSTest.TestFramework", "MSTest4Version"));
                break;
            case Flavor.TUnit:
                packages.Add(Packages.Package("TUnit.Core", "TUnitVersion"));
                packages.Add(Packages.Package("TUnit.Assertions", "TUnitVersion"));
                break;
        }

        if (libs.HasFlag(Libs.Moq)) packages.Add(Packages.Package("Moq", "MoqVersion"));
        if (libs.HasFlag(Libs.NSubstitute)) packages.Add(Packages.Package("NSubstitute", "NSubstituteVersion"));
        if (libs.HasFlag(Libs.FakeItEasy))
        {
            packages.Add(Packages.Package("FakeItEasy", "FakeItEasyVersion"));
            packages.Add(Packages.Package("Castle.Core", "CastleCoreForFakeItEasyVersion"));
        }

        if (libs.HasFlag(Libs.FluentAssertions)) packages.Add(Packages.Package("FluentAssertions", "FluentAssertionsVersion"));
        if (libs.HasFlag(Libs.AwesomeAssertions)) packages.Add(Packages.Package("AwesomeAssertions", "AwesomeAssertionsVersion"));
        if (libs.HasFlag(Libs.Shouldly)) packages.Add(Packages.Package("Shouldly", "ShouldlyVersion"));
        if ((libs & (Libs.EFCore | Libs.EFCoreInMemory | Libs.EFCoreSqlite)) != 0) packages.Add(Packages.Package("Microsoft.EntityFrameworkCore", "EFCoreVersion"));
        if (libs.HasFlag(Libs.EFCoreInMemory)) packages.Add(Packages.Package("Microsoft.EntityFrameworkCore.InMemory", "EFCoreVersion"));
        if (libs.HasFlag(Libs.EFCoreSqlite)) packages.Add(Packages.Package("Microsoft.EntityFrameworkCore.Sqlite", "EFCoreVersion"));
        if (libs.HasFlag(Libs.TimeProviderTesting)) packages.Add(Packages.Package("Microsoft.Extensions.TimeProvider.Testing", "TimeProviderTestingVersion"));

        return packages.Count == 0 ? Net : Net.AddPackages(packages.ToImmutableArray());
    }

    /// <summary>
    /// Assemblies a flavour's package adds outside <c>lib/</c>, which <see cref="ReferenceAssemblies"/>
    /// does not resolve: MSTest ships <c>TestContext</c> in <c>buildTransitive/</c>.
    /// </summary>
    public static ImmutableArray<MetadataReference> Additional(Flavor? flavor)
    {
        var file = flavor switch
        {
            Flavor.MSTest3 => ("MSTest3Version", "Microsoft.VisualStudio.TestPlatform.TestFramework.Extensions.dll"),
            Flavor.MSTest4 => ("MSTest4Version", "MSTest.TestFramework.Extensions.dll"),
            _ => default((string Version, string Name)?),
        };
        if (file is not { } found)
        {
            return ImmutableArray<MetadataReference>.Empty;
        }

        var path = Path.Combine(Packages.NuGetPackageRoot, "mstest.testframework", Packages.Version(found.Version), "buildTransitive", "net8.0", found.Name);
        return ImmutableArray.Create<MetadataReference>(MetadataReference.CreateFromFile(path));
    }
}
