using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Model;

/// <summary>The namespace-tree look-up finds what the compiler's own look-ups find, on real reference sets.</summary>
public class TypeLookupTests
{
    private const string Source = """
        namespace Shop
        {
            public class Order { public class Line { } }
            public class Box<T> { }
        }

        namespace System.Threading.Tasks
        {
            public class Task { }
        }
        """;

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    [InlineData(Flavor.NUnit4)]
    [InlineData(Flavor.MSTest4)]
    [InlineData(Flavor.TUnit)]
    public async Task Finds_what_the_compiler_finds_for_framework_library_nested_generic_and_missing_names(Flavor flavor)
    {
        var compilation = await AllAnalyzers.CompileAsync(flavor, Libs.Moq | Libs.FluentAssertions | Libs.EFCore, Source);
        string[] names =
        {
            "Xunit.FactAttribute", "Xunit.Sdk.ITraitAttribute", "NUnit.Framework.Assert", "NUnit.Framework.TestAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.Assert", "TUnit.Core.TestAttribute", "Moq.Mock`1", "Moq.Mock",
            "FluentAssertions.AssertionExtensions", "Microsoft.EntityFrameworkCore.DbContext", "System.Random",
            "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2+KeyCollection",
            "System.Threading.Tasks.Task", "System.Threading.Tasks.Task`1", "System.Environment+SpecialFolder",
            "Shop.Order", "Shop.Order+Line", "Shop.Box`1", "Shop.Box", "Shop.Missing", "No.Such.Namespace.Type", "Random",
        };

        foreach (var name in names)
        {
            var expected = compilation.GetTypesByMetadataName(name).Select(t => t.ToDisplayString() + " @ " + t.ContainingAssembly.Name).OrderBy(s => s).ToArray();
            var actual = TypeLookup.All(compilation, name).Select(t => t.ToDisplayString() + " @ " + t.ContainingAssembly.Name).OrderBy(s => s).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{name}: compiler [{string.Join(", ", expected)}], lookup [{string.Join(", ", actual)}]");
        }

        // The source's own Task wins over the core library's, as the compiler's single look-up decides.
        Assert.Equal(compilation.Assembly, TypeLookup.Find(compilation, "System.Threading.Tasks.Task")!.ContainingAssembly, SymbolEqualityComparer.Default);
        Assert.Equal(compilation.GetTypeByMetadataName("System.Random"), TypeLookup.Find(compilation, "System.Random"), SymbolEqualityComparer.Default);
        Assert.Null(TypeLookup.Find(compilation, "Shop.Missing"));
        Assert.Same(TypeLookup.All(compilation, "Moq.Mock`1").First(), TypeLookup.All(compilation, "Moq.Mock`1").First());
    }
}
