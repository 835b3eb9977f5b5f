using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST2003 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.TestDoubles.MocksWithoutAssertionAnalyzer>;

namespace TestSmells.Analyzers.Tests.TestDoubles;

public class MocksWithoutAssertionAnalyzerTests
{
    private static string Source(Flavor flavor, MockLib lib, string members)
        => TestSource.Class(flavor, members, Doubles.Usings(lib, flavor)) + Doubles.Domain;

    private static string Arrange(MockLib lib) => $$"""
                var repository = {{Doubles.Create(lib, "IOrderRepository")}};
                {{Doubles.Configure(lib, "repository")}}
                var service = new OrderService({{Doubles.Object(lib, "repository")}});
                var total = service.Total(1);
        """;

    [Theory]
    [MemberData(nameof(Doubles.FlavorsAndLibs), MemberType = typeof(Doubles))]
    public Task A_test_that_sets_up_a_mock_and_checks_nothing_is_reported_on_its_name(Flavor flavor, MockLib lib)
        => VerifyTST2003.AnalyzerAsync(
            Source(flavor, lib, $$"""
                [Test]
                public void {|#0:Computes_the_total|}()
                {
                    {{Arrange(lib)}}
                    GC.KeepAlive(total);
                }
                """),
            flavor,
            Doubles.Flag(lib),
            expected: VerifyTST2003.Diagnostic("TST2003").WithLocation(0).WithArguments("Computes_the_total", "repository"));

    [Theory]
    [MemberData(nameof(Doubles.FlavorsAndLibs), MemberType = typeof(Doubles))]
    public Task A_test_that_asserts_the_outcome_is_not_reported(Flavor flavor, MockLib lib)
        => VerifyTST2003.AnalyzerAsync(
            Source(flavor, lib, $$"""
                [Test]
                public async Task Computes_the_total()
                {
                    await Task.Yield();
                    {{Arrange(lib)}}
                    {{Doubles.AssertTotal(flavor, "total")}}
                }
                """),
            flavor,
            Doubles.Flag(lib));

    [Theory]
    [MemberData(nameof(Doubles.FlavorsAndLibs), MemberType = typeof(Doubles))]
    public Task A_test_that_verifies_an_interaction_is_not_reported(Flavor flavor, MockLib lib)
        => VerifyTST2003.AnalyzerAsync(
            Source(flavor, lib, $$"""
                [Test]
                public void Places_the_order()
                {
                    var repository = {{Doubles.Create(lib, "IOrderRepository")}};
                    new OrderService({{Doubles.Object(lib, "repository")}}).Place(new Order());
                    {{Doubles.VerifySaved(lib, "repository")}}
                }
                """),
            flavor,
            Doubles.Flag(lib));

    [Theory]
    [MemberData(nameof(Doubles.Libraries), MemberType = typeof(Doubles))]
    public Task A_double_configured_on_a_field_is_named_by_the_field(MockLib lib)
        => VerifyTST2003.AnalyzerAsync(
            Source(Flavor.XunitV3, lib, $$"""
                private readonly IOrderRepository _repository = {{Doubles.Create(lib, "IOrderRepository")}}{{(lib == MockLib.Moq ? ".Object" : string.Empty)}};
                private readonly Mock<IOrderRepository> _mock = new Mock<IOrderRepository>();

                [Test]
                public void {|#0:Computes_the_total|}()
                {
                    {{Doubles.Configure(lib, lib == MockLib.Moq ? "_mock" : "_repository")}}
                    new OrderService(_repository).Total(1);
                }
                """).Replace("private readonly Mock<IOrderRepository> _mock = new Mock<IOrderRepository>();", lib == MockLib.Moq ? "private readonly Mock<IOrderRepository> _mock = new Mock<IOrderRepository>();" : string.Empty),
            Flavor.XunitV3,
            Doubles.Flag(lib),
            expected: VerifyTST2003.Diagnostic("TST2003").WithLocation(0).WithArguments("Computes_the_total", lib == MockLib.Moq ? "_mock" : "_repository"));

    [Theory]
    [InlineData(MockLib.Moq, "Mock.Of<IOrderRepository>()")]
    [InlineData(MockLib.NSubstitute, "Substitute.For<IOrderRepository>()")]
    [InlineData(MockLib.FakeItEasy, "A.Fake<IOrderRepository>()")]
    public Task A_double_held_by_no_variable_is_named_by_its_type(MockLib lib, string creation)
        => VerifyTST2003.AnalyzerAsync(
            Source(Flavor.NUnit4, lib, $$"""
                [Test]
                public void {|#0:Computes_the_total|}() => new OrderService({{creation}}).Total(1);
                """),
            Flavor.NUnit4,
            Doubles.Flag(lib),
            expected: VerifyTST2003.Diagnostic("TST2003").WithLocation(0).WithArguments("Computes_the_total", "IOrderRepository"));

    [Fact]
    public Task A_mock_created_in_a_local_function_or_lambda_of_the_test_counts()
        => VerifyTST2003.AnalyzerAsync(
            Source(Flavor.MSTest4, MockLib.Moq, """
                [Test]
                public void {|TST2003:Computes_the_total|}()
                {
                    var service = Build();
                    service.Total(1);

                    OrderService Build() => new OrderService(new Mock<IOrderRepository>().Object);
                }

                [Test]
                public void {|TST2003:Places_the_order|}()
                {
                    Func<OrderService> build = () => new OrderService(Mock.Of<IOrderRepository>());
                    build().Place(new Order());
                }
                """),
            Flavor.MSTest4,
            Libs.Moq);

    [Fact]
    public Task Helpers_that_assert_or_verify_and_a_thrown_exception_count()
        => VerifyTST2003.AnalyzerAsync(
            Source(Flavor.XunitV2, MockLib.Moq, """
                [Test]
                public void Through_an_assertion_helper()
                {
                    var repository = new Mock<IOrderRepository>();
                    HasTotal(new OrderService(repository.Object), 0m);
                }

                [Test]
                public void Through_a_verification_helper()
                {
                    var repository = new Mock<IOrderRepository>();
                    new OrderService(repository.Object).Place(new Order());
                    Saved(repository);
                }

                [Test]
                public void By_throwing()
                {
                    var repository = new Mock<IOrderRepository>();
                    if (new OrderService(repository.Object).Total(1) != 0m) throw new InvalidOperationException("wrong total");
                }

                [Test]
                public void In_a_lambda()
                {
                    var repository = new Mock<IOrderRepository>();
                    Assert.All(new[] { 1, 2 }, id => Assert.Equal(0m, new OrderService(repository.Object).Total(id)));
                }

                private static void HasTotal(OrderService service, decimal expected) => Check(service.Total(1) == expected);

                private static void Check(bool condition) => Assert.True(condition);

                private static void Saved(Mock<IOrderRepository> repository) => repository.Verify(r => r.Save(It.IsAny<Order>()));
                """),
            Flavor.XunitV2,
            Libs.Moq);

    [Fact]
    public Task User_configured_and_attributed_assertion_methods_count()
        => VerifyTST2003.AnalyzerAsync(
            Source(Flavor.NUnit3, MockLib.NSubstitute, """
                [Test]
                public void Configured()
                {
                    var repository = Substitute.For<IOrderRepository>();
                    new OrderService(repository).Total(1).ShouldBeTotal(0m);
                }

                [Test]
                public void Attributed()
                {
                    var repository = Substitute.For<IOrderRepository>();
                    Expect.Total(new OrderService(repository).Total(1), 0m);
                }
                """) + """

            public static class TotalChecks
            {
                public static void ShouldBeTotal(this decimal actual, decimal expected) { }
            }

            public sealed class AssertionMethodAttribute : Attribute { }

            public static class Expect
            {
                [AssertionMethod]
                public static void Total(decimal actual, decimal expected) { }
            }
            """,
            Flavor.NUnit3,
            Libs.NSubstitute,
            editorConfig: "test_smells.assertion_methods = ShouldBeTotal");

    [Fact]
    public Task Skipped_tests_are_not_reported()
        => Task.WhenAll(
            VerifyTST2003.AnalyzerAsync(
                """
                using Moq;
                using Xunit;

                public class OrderTests
                {
                    [Fact(Skip = "flaky until the queue is stubbed")]
                    public void Skipped() => new OrderService(Mock.Of<IOrderRepository>()).Total(1);
                }
                """ + Doubles.Domain,
                Flavor.XunitV3,
                Libs.Moq),
            VerifyTST2003.AnalyzerAsync(
                """
                using Moq;
                using NUnit.Framework;

                public class OrderTests
                {
                    [Test, Ignore("not yet")]
                    public void Skipped() => new OrderService(Mock.Of<IOrderRepository>()).Total(1);
                }

                [TestFixture, Ignore("whole fixture")]
                public class IgnoredTests
                {
                    [Test]
                    public void Skipped() => new OrderService(Mock.Of<IOrderRepository>()).Total(1);
                }
                """ + Doubles.Domain,
                Flavor.NUnit4,
                Libs.Moq),
            VerifyTST2003.AnalyzerAsync(
                """
                using Moq;
                using Microsoft.VisualStudio.TestTools.UnitTesting;

                [TestClass]
                public class OrderTests
                {
                    [TestMethod, Ignore]
                    public void Skipped() => new OrderService(Mock.Of<IOrderRepository>()).Total(1);
                }
                """ + Doubles.Domain,
                Flavor.MSTest3,
                Libs.Moq),
            VerifyTST2003.AnalyzerAsync(
                """
                using Moq;
                using TUnit.Core;

                public class OrderTests
                {
                    [Test, Skip("not yet")]
                    public void Skipped() => new OrderService(Mock.Of<IOrderRepository>()).Total(1);
                }
                """ + Doubles.Domain,
                Flavor.TUnit,
                Libs.Moq));

    [Fact]
    public Task Expected_exception_and_expected_result_tests_assert_through_the_framework()
        => Task.WhenAll(
            VerifyTST2003.AnalyzerAsync(
                """
                using System;
                using Moq;
                using Microsoft.VisualStudio.TestTools.UnitTesting;

                [TestClass]
                public class OrderTests
                {
                    [TestMethod]
                    [ExpectedException(typeof(InvalidOperationException))]
                    public void Throws()
                    {
                        var repository = new Mock<IOrderRepository>();
                        repository.Setup(r => r.Find(1)).Throws<InvalidOperationException>();
                        new OrderService(repository.Object).Total(1);
                    }
                }
                """ + Doubles.Domain,
                Flavor.MSTest3,
                Libs.Moq),
            VerifyTST2003.AnalyzerAsync(
                """
                using Moq;
                using NUnit.Framework;

                public class OrderTests
                {
                    [TestCase(1, ExpectedResult = 0)]
                    public decimal Total(int id) => new OrderService(Mock.Of<IOrderRepository>()).Total(id);
                }
                """ + Doubles.Domain,
                Flavor.NUnit4,
                Libs.Moq));

    [Fact]
    public Task An_unawaited_TUnit_assertion_does_not_run_so_it_does_not_count()
        => VerifyTST2003.AnalyzerAsync(
            Source(Flavor.TUnit, MockLib.Moq, """
                [Test]
                public void {|TST2003:Computes_the_total|}()
                {
                    var total = new OrderService(Mock.Of<IOrderRepository>()).Total(1);
                    _ = Assert.That(total).IsEqualTo(0m);
                }
                """),
            Flavor.TUnit,
            Libs.Moq);

    [Fact]
    public Task Tests_without_mocks_helpers_and_production_code_are_not_this_rule()
        => Task.WhenAll(
            VerifyTST2003.AnalyzerAsync(
                Source(Flavor.XunitV2, MockLib.Moq, """
                    [Test]
                    public void No_mocks_is_TST3001_territory() => new OrderService(new InMemoryRepository()).Total(1);

                    private static OrderService Build() => new OrderService(Mock.Of<IOrderRepository>());

                    public OrderTests() => GC.KeepAlive(new Mock<IOrderRepository>());
                    """) + """

                public class InMemoryRepository : IOrderRepository
                {
                    public Order? Find(int id) => null;
                    public void Save(Order order) { }
                }
                """,
                Flavor.XunitV2,
                Libs.Moq),
            VerifyTST2003.AnalyzerAsync(
                """
                using Moq;

                public static class Factory
                {
                    public static OrderService Build() => new OrderService(Mock.Of<IOrderRepository>());
                }
                """ + Doubles.Domain,
                flavor: null,
                Libs.Moq));
}
