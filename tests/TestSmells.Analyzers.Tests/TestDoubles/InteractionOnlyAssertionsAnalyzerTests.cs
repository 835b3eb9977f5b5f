using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST2005 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.TestDoubles.InteractionOnlyAssertionsAnalyzer>;

namespace TestSmells.Analyzers.Tests.TestDoubles;

public class InteractionOnlyAssertionsAnalyzerTests
{
    /// <summary>The rule is off in the Default preset; these tests turn it on as a user would.</summary>
    private const string Enabled = "dotnet_diagnostic.TST2005.severity = suggestion";

    private static string Source(Flavor flavor, MockLib lib, string members)
        => TestSource.Class(flavor, members, Doubles.Usings(lib, flavor)) + Doubles.Domain;

    private static string PlaceOrder(MockLib lib) => $$"""
                var repository = {{Doubles.Create(lib, "IOrderRepository")}};
                var service = new OrderService({{Doubles.Object(lib, "repository")}});
                service.Place(new Order { Total = 5m });
        """;

    [Theory]
    [MemberData(nameof(Doubles.FlavorsAndLibs), MemberType = typeof(Doubles))]
    public Task A_test_that_only_verifies_calls_is_reported_on_its_name(Flavor flavor, MockLib lib)
        => VerifyTST2005.AnalyzerAsync(
            Source(flavor, lib, $$"""
                [Test]
                public void {|#0:Places_the_order|}()
                {
                    {{PlaceOrder(lib)}}
                    {{Doubles.VerifySaved(lib, "repository")}}
                }
                """),
            flavor,
            Doubles.Flag(lib),
            Enabled,
            VerifyTST2005.Diagnostic("TST2005").WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithArguments("Places_the_order"));

    [Theory]
    [MemberData(nameof(Doubles.FlavorsAndLibs), MemberType = typeof(Doubles))]
    public Task A_test_that_also_asserts_the_outcome_is_not_reported(Flavor flavor, MockLib lib)
        => VerifyTST2005.AnalyzerAsync(
            Source(flavor, lib, $$"""
                [Test]
                public async Task Places_the_order()
                {
                    await Task.Yield();
                    {{PlaceOrder(lib)}}
                    {{Doubles.VerifySaved(lib, "repository")}}
                    var total = 5m;
                    {{Doubles.AssertTotal(flavor, "total")}}
                }
                """),
            flavor,
            Doubles.Flag(lib),
            Enabled);

    /// <summary>
    /// The test harness turns every supported diagnostic on, so "off by default" is checked the way a
    /// build sees it: all analyzers with the compilation's default options.
    /// </summary>
    [Fact]
    public async Task The_rule_is_off_by_default()
    {
        var descriptor = Assert.Single(new TestSmells.Analyzers.TestDoubles.InteractionOnlyAssertionsAnalyzer().SupportedDiagnostics, d => d.Id == "TST2005");
        Assert.False(descriptor.IsEnabledByDefault);
        Assert.Equal(DiagnosticSeverity.Info, descriptor.DefaultSeverity);

        var source = Source(Flavor.XunitV2, MockLib.Moq, $$"""
            [Test]
            public void Places_the_order()
            {
                {{PlaceOrder(MockLib.Moq)}}
                {{Doubles.VerifySaved(MockLib.Moq, "repository")}}
            }
            """);
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV2, Libs.Moq, source);
        Assert.DoesNotContain(await AllAnalyzers.RunAsync(compilation), d => d.Id == "TST2005");

        var enabled = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            System.Collections.Immutable.ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("TST2005", ReportDiagnostic.Info)));
        Assert.Contains(await AllAnalyzers.RunAsync(enabled), d => d.Id == "TST2005");
    }

    [Fact]
    public Task Every_verification_of_each_library_is_an_interaction()
        => VerifyTST2005.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                [Test]
                public void {|#0:With_Moq|}()
                {
                    var repository = new Moq.Mock<IOrderRepository>();
                    repository.VerifyAll();
                    repository.VerifyNoOtherCalls();
                    repository.Verify(r => r.Find(1), Moq.Times.Never());
                    Moq.Mock.Verify(repository);
                    new Moq.MockRepository(Moq.MockBehavior.Default).Verify();
                }

                [Test]
                public void {|#1:With_NSubstitute|}()
                {
                    var repository = NSubstitute.Substitute.For<IOrderRepository>();
                    repository.DidNotReceive().Save(NSubstitute.Arg.Any<Order>());
                    repository.ReceivedWithAnyArgs().Find(default);
                    NSubstitute.Received.InOrder(() => repository.Find(1));
                }

                [Test]
                public void {|#2:With_FakeItEasy|}()
                {
                    var repository = FakeItEasy.A.Fake<IOrderRepository>();
                    FakeItEasy.A.CallTo(() => repository.Find(1)).MustNotHaveHappened();
                    FakeItEasy.A.CallTo(() => repository.Find(2)).MustHaveHappenedOnceOrMore();
                }
                """, "using NSubstitute;\nusing FakeItEasy;") + Doubles.Domain,
            Flavor.NUnit4,
            Libs.Moq | Libs.NSubstitute | Libs.FakeItEasy,
            Enabled,
            VerifyTST2005.Diagnostic("TST2005").WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithArguments("With_Moq"),
            VerifyTST2005.Diagnostic("TST2005").WithSeverity(DiagnosticSeverity.Info).WithLocation(1).WithArguments("With_NSubstitute"),
            VerifyTST2005.Diagnostic("TST2005").WithSeverity(DiagnosticSeverity.Info).WithLocation(2).WithArguments("With_FakeItEasy"));

    [Fact]
    public Task Tests_with_no_check_at_all_outcome_helpers_exceptions_and_skips_are_not_this_rule()
        => VerifyTST2005.AnalyzerAsync(
            Source(Flavor.MSTest4, MockLib.Moq, """
                [Test]
                public void Asserts_nothing() => new OrderService(Mock.Of<IOrderRepository>()).Total(1);

                [Test]
                public void Outcome_through_a_helper()
                {
                    var repository = new Mock<IOrderRepository>();
                    new OrderService(repository.Object).Place(new Order());
                    repository.Verify(r => r.Save(It.IsAny<Order>()));
                    HasNoTotal(new OrderService(repository.Object));
                }

                [Test]
                public void Throws_on_a_wrong_outcome()
                {
                    var repository = new Mock<IOrderRepository>();
                    if (new OrderService(repository.Object).Total(1) != 0m) throw new InvalidOperationException();
                    repository.Verify(r => r.Find(1));
                }

                [Test]
                [Ignore]
                public void Skipped()
                {
                    var repository = new Mock<IOrderRepository>();
                    repository.Verify(r => r.Find(1));
                }

                private static void HasNoTotal(OrderService service) => Assert.AreEqual(0m, service.Total(1));
                """),
            Flavor.MSTest4,
            Libs.Moq,
            Enabled);
}
