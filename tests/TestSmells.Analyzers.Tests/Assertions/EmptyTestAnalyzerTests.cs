using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST3004 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Assertions.EmptyTestAnalyzer>;

namespace TestSmells.Analyzers.Tests.Assertions;

public class EmptyTestAnalyzerTests
{
    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task An_empty_test_is_reported(Flavor flavor)
        => VerifyTST3004.AnalyzerAsync(
            TestSource.Class(flavor, """
                [Test]
                public void {|TST3004:Works|}()
                {
                }

                [Test]
                public async Task {|TST3004:WorksAsync|}()
                {
                }
            """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Comments_and_empty_statements_do_not_make_a_test(Flavor flavor)
        => VerifyTST3004.AnalyzerAsync(
            TestSource.Class(flavor, """
                [Test]
                public void {|TST3004:Works|}()
                {
                    // Arrange
                    // Act
                    /* Assert: TODO */
                    ;
                }
            """),
            flavor);

    [Fact]
    public Task Theories_and_test_cases_with_an_empty_body_are_reported()
        => VerifyTST3004.AnalyzerAsync(
            """
            using NUnit.Framework;

            public class OrderTests
            {
                [TestCase(1)]
                [TestCase(2)]
                public void {|TST3004:Priced|}(int quantity) { }

                [Theory]
                public void {|TST3004:Holds|}(int quantity) { }
            }
            """,
            Flavor.NUnit3);

    [Fact]
    public Task The_message_names_the_test()
        => VerifyTST3004.AnalyzerAsync(
            TestSource.Class(Flavor.MSTest4, """
                [Test]
                public void {|#0:Ships|}() { }
            """),
            Flavor.MSTest4,
            expected: VerifyTST3004.Diagnostic("TST3004").WithLocation(0).WithArguments("Ships"));

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Tests_with_a_statement_and_expression_bodied_tests_are_not_empty(Flavor flavor)
        => VerifyTST3004.AnalyzerAsync(
            TestSource.Class(flavor, """
                [Test]
                public void Works()
                {
                    Console.WriteLine(1);
                }

                [Test]
                public void WorksToo() => Console.WriteLine(1);

                [Test]
                public Task WorksAsync() => Task.CompletedTask;
            """),
            flavor);

    [Theory]
    [InlineData(Flavor.XunitV2, "[Fact(Skip = \"not written yet\")]")]
    [InlineData(Flavor.XunitV3, "[Fact(Skip = \"not written yet\")]")]
    [InlineData(Flavor.NUnit4, "[Test, Ignore(\"not written yet\")]")]
    [InlineData(Flavor.MSTest3, "[TestMethod, Ignore]")]
    [InlineData(Flavor.TUnit, "[Test, Skip(\"not written yet\")]")]
    public Task A_skipped_empty_test_is_a_placeholder_and_not_reported(Flavor flavor, string attributes)
        => VerifyTST3004.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                {{attributes}}
                public void Later()
                {
                }
            """),
            flavor);

    [Fact]
    public Task Abstract_methods_overrides_and_non_test_methods_are_not_reported()
        => VerifyTST3004.AnalyzerAsync(
            """
            using Xunit;

            public abstract class OrderTestsBase
            {
                [Fact]
                public virtual void Works() => Assert.True(true);

                [Fact]
                public abstract void Ships();

                protected virtual void Arrange() { }
            }

            public class FastOrderTests : OrderTestsBase
            {
                public FastOrderTests() { }

                public override void Works() { }

                public override void Ships() { }

                protected override void Arrange() { }

                public void NotATest() { }
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task Production_code_is_not_analyzed()
        => VerifyTST3004.AnalyzerAsync(
            """
            public class OrderTests
            {
                [System.Obsolete]
                public void Works() { }
            }
            """,
            flavor: null);
}
