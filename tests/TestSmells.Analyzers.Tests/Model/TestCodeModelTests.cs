using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Model;

/// <summary>Test-method and test-class detection, proven against each framework's real package.</summary>
public class TestCodeModelTests
{
    private static INamedTypeSymbol Type(Compilation compilation, string name)
        => compilation.GetSymbolsWithName(name, SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();

    private static IMethodSymbol Method(INamedTypeSymbol type, string name) => type.GetMembers(name).OfType<IMethodSymbol>().Single();

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public async Task Each_framework_is_recognised_with_its_test_methods_and_classes(Flavor flavor)
    {
        var source = TestSource.Class(flavor, """
                [Test]
                public void Works() { }

                public void Helper() { }
            """) + "\npublic class Production { public void Works() { } }";
        var compilation = await AllAnalyzers.CompileAsync(flavor, Libs.None, source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var model = TestCodeModel.For(compilation);
        var tests = Type(compilation, "OrderTests");
        var production = Type(compilation, "Production");

        Assert.True(model.HasTestFramework);
        Assert.Equal(ExpectedFramework(flavor), model.Frameworks);
        Assert.True(model.IsTestMethod(Method(tests, "Works")));
        Assert.False(model.IsTestMethod(Method(tests, "Helper")));
        Assert.True(model.IsTestClass(tests));
        Assert.True(model.IsTestCode(Method(tests, "Helper")));
        Assert.False(model.IsTestClass(production));
        Assert.False(model.IsTestCode(Method(production, "Works")));
        Assert.Same(model, TestCodeModel.For(compilation));
    }

    private static TestFramework ExpectedFramework(Flavor flavor) => flavor switch
    {
        Flavor.XunitV2 => TestFramework.XunitV2,
        Flavor.XunitV3 => TestFramework.XunitV3,
        Flavor.NUnit3 or Flavor.NUnit4 => TestFramework.NUnit,
        Flavor.MSTest3 or Flavor.MSTest4 => TestFramework.MSTest,
        _ => TestFramework.TUnit,
    };

    [Theory]
    [InlineData(Flavor.XunitV2, "using Xunit;", "public sealed class SlowFactAttribute : FactAttribute { }", "[Theory, InlineData(1)] public void Data(int x) { }")]
    [InlineData(Flavor.XunitV3, "using Xunit;", "public sealed class SlowFactAttribute : FactAttribute { }", "[Theory, InlineData(1)] public void Data(int x) { }")]
    [InlineData(Flavor.NUnit4, "using NUnit.Framework;", "public sealed class SlowFactAttribute : TestAttribute { }", "[TestCaseSource(nameof(Cases))] public void Data(int x) { } public static int[] Cases = { 1 };")]
    [InlineData(Flavor.NUnit3, "using NUnit.Framework;", "public sealed class SlowFactAttribute : TestAttribute { }", "[TestCase(1)] public void Data(int x) { }")]
    [InlineData(Flavor.MSTest3, "using Microsoft.VisualStudio.TestTools.UnitTesting;", "public sealed class SlowFactAttribute : TestMethodAttribute { }", "[DataTestMethod, DataRow(1)] public void Data(int x) { }")]
    [InlineData(Flavor.MSTest4, "using Microsoft.VisualStudio.TestTools.UnitTesting;", "public sealed class SlowFactAttribute : TestMethodAttribute { }", "[TestMethod, DataRow(1)] public void Data(int x) { }")]
    public async Task Derived_attributes_and_data_driven_tests_are_tests(Flavor flavor, string usings, string customAttribute, string dataTest)
    {
        var source = $$"""
            {{usings}}
            {{customAttribute}}
            public class OrderTests
            {
                [SlowFact] public void Custom() { }
                {{dataTest}}
            }
            """;
        var compilation = await AllAnalyzers.CompileAsync(flavor, Libs.None, source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = TestCodeModel.For(compilation);
        var tests = Type(compilation, "OrderTests");
        Assert.True(model.IsTestMethod(Method(tests, "Custom")));
        Assert.True(model.IsTestMethod(Method(tests, "Data")));
    }

    [Fact]
    public async Task An_NUnit_attribute_implementing_ITestBuilder_makes_a_test()
    {
        var source = """
            using System;
            using System.Collections.Generic;
            using NUnit.Framework;
            using NUnit.Framework.Interfaces;
            using NUnit.Framework.Internal;

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class ScenarioAttribute : Attribute, ITestBuilder
            {
                public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite) => Array.Empty<TestMethod>();
            }

            public class OrderTests
            {
                [Scenario] public void Ships() { }
            }
            """;
        var compilation = await AllAnalyzers.CompileAsync(Flavor.NUnit4, Libs.None, source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = TestCodeModel.For(compilation);
        Assert.True(model.IsTestMethod(Method(Type(compilation, "OrderTests"), "Ships")));
    }

    [Fact]
    public async Task Base_classes_and_derived_classes_of_test_classes_are_test_code_but_nested_fakes_are_not()
    {
        var source = """
            using Xunit;

            public abstract class DatabaseTest { protected void Reset() { } }
            public class OrderTests : DatabaseTest
            {
                [Fact] public void Works() { }
                private sealed class FakeClock { public void Tick() { } }
            }
            public class MoreOrderTests : OrderTests { public void Extra() { } }
            public class Unrelated { public void Reset() { } }
            """;
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV2, Libs.None, source);
        var model = TestCodeModel.For(compilation);
        Assert.True(model.IsTestCode(Method(Type(compilation, "DatabaseTest"), "Reset")));
        Assert.True(model.IsTestClass(Type(compilation, "MoreOrderTests")));
        Assert.True(model.IsTestCode(Method(Type(compilation, "MoreOrderTests"), "Extra")));
        Assert.False(model.IsTestCode(Method(Type(compilation, "FakeClock"), "Tick")));
        Assert.False(model.IsTestCode(Method(Type(compilation, "Unrelated"), "Reset")));
    }

    [Fact]
    public async Task A_compilation_without_a_test_framework_is_production_code()
    {
        var compilation = await AllAnalyzers.CompileAsync(null, Libs.None, "public class OrderTests { public void Works() { } }");
        var model = TestCodeModel.For(compilation);
        Assert.False(model.HasTestFramework);
        Assert.Equal(TestFramework.None, model.Frameworks);
        Assert.False(model.IsTestCode(Method(Type(compilation, "OrderTests"), "Works")));
    }
}
