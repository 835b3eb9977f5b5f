using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Model;

/// <summary>
/// The catalog of frameworks and libraries (src/Analyzers/Model/Catalog) against the real packages:
/// every type name it holds exists, every assembly name is the one the package ships, and each
/// flavour is recognised as its framework. A typo in the catalog would silently switch a rule off.
/// </summary>
public class FrameworkCatalogTests
{
    // Properties of an entry that hold something other than metadata names of types.
    private static readonly HashSet<string> NotTypeNames = new(StringComparer.Ordinal)
    {
        nameof(FrameworkEntry.Name), nameof(FrameworkEntry.Assemblies), nameof(FrameworkEntry.AssemblyPrefixes),
        nameof(FrameworkEntry.RootNamespace), nameof(FrameworkEntry.SkipReasonProperties), nameof(FrameworkEntry.AssertionAssembly),
        nameof(LibraryEntry.AssemblyPrefix),
    };

    // Names of releases newer than the packages the tests compile against (xUnit v3 4.x orders classes and methods too).
    private static readonly HashSet<string> NewerThanTestedPackages = new(StringComparer.Ordinal)
    {
        "Xunit.TestClassOrdererAttribute", "Xunit.TestMethodOrdererAttribute",
        "Xunit.v3.ITestClassOrdererAttribute", "Xunit.v3.ITestMethodOrdererAttribute",
    };

    public static TheoryData<Flavor> Flavors() => TestSource.Flavors();

    public static TheoryData<string> FrameworkNames() => new(Frameworks.All.Select(f => f.Id.ToString()));

    public static TheoryData<string, Libs> LibrariesWithPackages() => new()
    {
        { nameof(Libraries.FluentAssertions), Libs.FluentAssertions },
        { nameof(Libraries.AwesomeAssertions), Libs.AwesomeAssertions },
        { nameof(Libraries.Shouldly), Libs.Shouldly },
        { nameof(Libraries.Moq), Libs.Moq },
        { nameof(Libraries.NSubstitute), Libs.NSubstitute },
        { nameof(Libraries.FakeItEasy), Libs.FakeItEasy },
    };

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task Each_flavour_is_recognised_as_its_framework_alone(Flavor flavor)
    {
        var compilation = await AllAnalyzers.CompileAsync(flavor, Libs.None, TestSource.Test(flavor, "var x = 1;"));

        Assert.Equal(FrameworkOf(flavor).Id, TestCodeModel.For(compilation).Frameworks);
    }

    [Theory]
    [MemberData(nameof(FrameworkNames))]
    public async Task Every_type_a_framework_entry_names_exists_in_its_packages(string framework)
    {
        var entry = Frameworks.All.Single(f => f.Id.ToString() == framework);
        var compilations = new List<Compilation>();
        foreach (var flavor in TestSource.AllFlavors.Where(f => FrameworkOf(f) == entry))
        {
            compilations.Add(await AllAnalyzers.CompileAsync(flavor, Libs.None, TestSource.Test(flavor, "var x = 1;")));
        }

        var missing = TypeNames(entry)
            .Where(name => !NewerThanTestedPackages.Contains(name) && compilations.All(c => c.GetTypesByMetadataName(name).IsEmpty))
            .ToList();

        Assert.NotEmpty(compilations);
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(FrameworkNames))]
    public async Task A_framework_entry_names_the_assemblies_of_its_test_attributes_and_assertions(string framework)
    {
        var entry = Frameworks.All.Single(f => f.Id.ToString() == framework);
        foreach (var flavor in TestSource.AllFlavors.Where(f => FrameworkOf(f) == entry))
        {
            var compilation = await AllAnalyzers.CompileAsync(flavor, Libs.None, TestSource.Test(flavor, "var x = 1;"));
            var testAttribute = TypeLookup.Find(compilation, entry.TestMethodAttributes[0]);
            var assert = TypeLookup.Find(compilation, entry.AssertTypes[0]);

            Assert.Contains(testAttribute?.ContainingAssembly.Name, entry.Assemblies);
            Assert.Equal(entry.Id, TestFrameworkOf.Attribute(testAttribute));
            Assert.True(entry.OwnsAssembly(assert?.ContainingAssembly.Name), $"{assert?.ContainingAssembly.Name} is not an assembly of {entry.Name}");
            Assert.True(entry.AssertionAssembly is null || entry.AssertionAssembly == assert?.ContainingAssembly.Name);
        }
    }

    [Theory]
    [MemberData(nameof(LibrariesWithPackages))]
    public async Task A_library_entry_names_its_assembly_and_types_as_its_package_ships_them(string library, Libs libs)
    {
        var entry = Libraries.All.Single(l => l.Name == library);
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV3, libs, TestSource.Test(Flavor.XunitV3, "var x = 1;"));
        var assemblies = compilation.References.Select(r => compilation.GetAssemblyOrModuleSymbol(r)).OfType<IAssemblySymbol>().Select(a => a.Name).ToList();

        var missing = TypeNames(entry).Where(name => compilation.GetTypesByMetadataName(name).IsEmpty).ToList();

        Assert.Contains(assemblies, name => entry.OwnsAssembly(name));
        Assert.Equal(entry, Libraries.OfAssembly(entry.Assemblies.Single()));
        Assert.Empty(missing);
    }

    [Fact]
    public void Forks_with_the_same_api_share_it_and_every_api_but_none_has_an_entry()
    {
        Assert.Equal(Libraries.FluentAssertions.Api, Libraries.AwesomeAssertions.Api);
        var apis = Enum.GetValues(typeof(LibraryApi)).Cast<LibraryApi>().Where(a => a != LibraryApi.None);
        Assert.All(apis, api => Assert.Contains(Libraries.All, l => l.Api == api));
        Assert.Equal(LibraryApi.None, Libraries.ApiOf("Unknown.Library"));
        Assert.Equal(Libraries.MockQueryable, Libraries.OfAssembly("MockQueryable.Moq"));
    }

    private static FrameworkEntry FrameworkOf(Flavor flavor) => flavor switch
    {
        Flavor.XunitV2 => Frameworks.XunitV2,
        Flavor.XunitV3 => Frameworks.XunitV3,
        Flavor.NUnit3 or Flavor.NUnit4 => Frameworks.NUnit,
        Flavor.MSTest3 or Flavor.MSTest4 => Frameworks.MSTest,
        _ => Frameworks.TUnit,
    };

    /// <summary>Every metadata name of a type that <paramref name="entry"/> holds, read from its properties.</summary>
    private static IEnumerable<string> TypeNames(object entry)
    {
        foreach (var property in entry.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (NotTypeNames.Contains(property.Name))
            {
                continue;
            }

            switch (property.GetValue(entry))
            {
                case ImmutableArray<string> names:
                    foreach (var name in names)
                    {
                        yield return name;
                    }

                    break;
                case string name:
                    yield return name;
                    break;
            }
        }
    }
}
