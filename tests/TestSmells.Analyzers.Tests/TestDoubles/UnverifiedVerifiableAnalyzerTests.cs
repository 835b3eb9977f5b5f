using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST2004 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.TestDoubles.UnverifiedVerifiableAnalyzer>;

namespace TestSmells.Analyzers.Tests.TestDoubles;

public class UnverifiedVerifiableAnalyzerTests
{
    private static string Source(Flavor flavor, string members, string extraUsings = "using Moq;")
        => TestSource.Class(flavor, members, extraUsings) + Doubles.Domain;

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_verifiable_setup_that_is_never_verified_is_reported_on_the_call(Flavor flavor)
        => VerifyTST2004.AnalyzerAsync(
            Source(flavor, """
                [Test]
                public void Places_the_order()
                {
                    var repository = new Mock<IOrderRepository>();
                    repository.Setup(r => r.Save(It.IsAny<Order>())){|#0:.Verifiable()|};
                    new OrderService(repository.Object).Place(new Order());
                }
                """),
            flavor,
            Libs.Moq,
            expected: VerifyTST2004.Diagnostic("TST2004").WithLocation(0).WithArguments("repository"));

    [Fact]
    public Task Every_setup_chain_and_Verifiable_overload_is_followed_back_to_its_mock()
        => VerifyTST2004.AnalyzerAsync(
            Source(Flavor.XunitV3, """
                public interface IClock { DateTimeOffset Now { get; } Task<int> TickAsync(); }

                [Test]
                public void Chains()
                {
                    var repository = new Mock<IOrderRepository>();
                    var clock = new Mock<IClock>(MockBehavior.Strict);
                    repository.Setup(r => r.Find(1)).Returns(new Order()){|#0:.Verifiable()|};
                    repository.Setup(r => r.Save(It.IsAny<Order>())).Callback(() => { }){|#1:.Verifiable("saves the order")|};
                    clock.SetupGet(c => c.Now).Returns(DateTimeOffset.UnixEpoch){|#2:.Verifiable(Times.Once())|};
                    clock.Setup(c => c.TickAsync()).ReturnsAsync(1){|#3:.Verifiable()|};
                    var rule = new Mock<PriceRule>();
                    rule.Protected().Setup<decimal>("Discount").Returns(1m){|#4:.Verifiable()|};
                    new OrderService(repository.Object).Total(1);
                }

                public abstract class PriceRule
                {
                    protected abstract decimal Discount();
                    public decimal Apply(decimal total) => total - Discount();
                }
                """, "using Moq;\nusing Moq.Protected;"),
            Flavor.XunitV3,
            Libs.Moq,
            expected: new[]
            {
                VerifyTST2004.Diagnostic("TST2004").WithLocation(0).WithArguments("repository"),
                VerifyTST2004.Diagnostic("TST2004").WithLocation(1).WithArguments("repository"),
                VerifyTST2004.Diagnostic("TST2004").WithLocation(2).WithArguments("clock"),
                VerifyTST2004.Diagnostic("TST2004").WithLocation(3).WithArguments("clock"),
                VerifyTST2004.Diagnostic("TST2004").WithLocation(4).WithArguments("rule"),
            });

    [Fact]
    public Task Mock_Get_fields_and_a_verification_of_one_call_only_are_reported()
        => VerifyTST2004.AnalyzerAsync(
            Source(Flavor.NUnit4, """
                private readonly Mock<IOrderRepository> _repository = new Mock<IOrderRepository>();

                [Test]
                public void Through_Mock_Get()
                {
                    var repository = Mock.Of<IOrderRepository>();
                    Mock.Get(repository).Setup(r => r.Find(1)).Returns(new Order()){|#0:.Verifiable()|};
                    new OrderService(repository).Total(1);
                }

                [Test]
                public void On_a_field()
                {
                    _repository.Setup(r => r.Find(1)).Returns(new Order()){|#1:.Verifiable()|};
                    new OrderService(_repository.Object).Total(1);
                }

                [Test]
                public void Verifying_one_call_does_not_verify_the_setups()
                {
                    var repository = new Mock<IOrderRepository>();
                    repository.Setup(r => r.Find(1)).Returns(new Order()){|#2:.Verifiable()|};
                    new OrderService(repository.Object).Place(new Order());
                    repository.Verify(r => r.Save(It.IsAny<Order>()));
                }
                """),
            Flavor.NUnit4,
            Libs.Moq,
            expected: new[]
            {
                VerifyTST2004.Diagnostic("TST2004").WithLocation(0).WithArguments("Mock.Get(repository)"),
                VerifyTST2004.Diagnostic("TST2004").WithLocation(1).WithArguments("_repository"),
                VerifyTST2004.Diagnostic("TST2004").WithLocation(2).WithArguments("repository"),
            });

    [Theory]
    [InlineData("repository.Verify();")]
    [InlineData("repository.VerifyAll();")]
    [InlineData("Mock.Verify(repository);")]
    [InlineData("Mock.VerifyAll(other, repository);")]
    [InlineData("Mock.Verify(new Mock[] { other, repository });")]
    [InlineData("Mock.Verify(mocks);")]
    [InlineData("Action verify = () => repository.Verify(); verify();")]
    [InlineData("Check(); void Check() => repository.VerifyAll();")]
    [InlineData("VerifyEverything(repository);")]
    [InlineData("_kept.Add(repository);")]
    public Task A_mock_that_is_verified_or_leaves_the_test_is_not_reported(string verification)
        => VerifyTST2004.AnalyzerAsync(
            Source(Flavor.MSTest4, $$"""
                private readonly System.Collections.Generic.List<Mock> _kept = new();

                [Test]
                public void Places_the_order()
                {
                    var repository = new Mock<IOrderRepository>();
                    var other = new Mock<IOrderRepository>();
                    var mocks = new Mock[] { other };
                    repository.Setup(r => r.Save(It.IsAny<Order>())).Verifiable();
                    new OrderService(repository.Object).Place(new Order());
                    {{verification}}
                }

                private static void VerifyEverything(Mock mock) => mock.VerifyAll();
                """),
            Flavor.MSTest4,
            Libs.Moq);

    [Fact]
    public Task Mocks_of_a_verified_repository_and_Mock_Get_verifications_are_verified()
        => VerifyTST2004.AnalyzerAsync(
            Source(Flavor.TUnit, """
                [Test]
                public void From_a_local_repository()
                {
                    var mocks = new MockRepository(MockBehavior.Strict);
                    var repository = mocks.Create<IOrderRepository>();
                    repository.Setup(r => r.Save(It.IsAny<Order>())).Verifiable();
                    new OrderService(repository.Object).Place(new Order());
                    mocks.Verify();
                }

                [Test]
                public void From_an_unverified_repository()
                {
                    var mocks = new MockRepository(MockBehavior.Strict);
                    var repository = mocks.Create<IOrderRepository>();
                    repository.Setup(r => r.Save(It.IsAny<Order>())){|TST2004:.Verifiable()|};
                    new OrderService(repository.Object).Place(new Order());
                }

                [Test]
                public void Through_Mock_Get()
                {
                    var repository = Mock.Of<IOrderRepository>();
                    Mock.Get(repository).Setup(r => r.Find(1)).Returns(new Order()).Verifiable();
                    new OrderService(repository).Total(1);
                    Mock.Get(repository).Verify();
                }

                private readonly MockRepository _mocks = new MockRepository(MockBehavior.Default);

                [Test]
                public void From_a_repository_field_verified_in_the_test()
                {
                    var repository = _mocks.Create<IOrderRepository>();
                    repository.Setup(r => r.Save(It.IsAny<Order>())).Verifiable();
                    new OrderService(repository.Object).Place(new Order());
                    _mocks.VerifyAll();
                }

                [Test]
                public void From_a_repository_field_verified_in_cleanup()
                {
                    var repository = _mocks.Create<IOrderRepository>();
                    repository.Setup(r => r.Save(It.IsAny<Order>())).Verifiable();
                    new OrderService(repository.Object).Place(new Order());
                }

                [After(HookType.Test)]
                public void Cleanup() => _mocks.Verify();
                """),
            Flavor.TUnit,
            Libs.Moq);

    [Fact]
    public Task A_field_mock_verified_in_teardown_or_held_next_to_a_repository_is_not_reported()
        => Task.WhenAll(
            VerifyTST2004.AnalyzerAsync(
                """
                using System;
                using Moq;
                using Xunit;

                public class OrderTests : IDisposable
                {
                    private readonly Mock<IOrderRepository> _repository = new Mock<IOrderRepository>();

                    [Fact]
                    public void Places_the_order()
                    {
                        _repository.Setup(r => r.Save(It.IsAny<Order>())).Verifiable();
                        new OrderService(_repository.Object).Place(new Order());
                    }

                    public void Dispose() => this._repository.Verify();
                }
                """ + Doubles.Domain,
                Flavor.XunitV2,
                Libs.Moq),
            VerifyTST2004.AnalyzerAsync(
                """
                using Moq;
                using NUnit.Framework;

                public abstract class MockingTest
                {
                    protected MockRepository Mocks { get; } = new MockRepository(MockBehavior.Default);

                    [TearDown]
                    public void VerifyMocks() => Mocks.VerifyAll();
                }

                public class OrderTests : MockingTest
                {
                    private Mock<IOrderRepository> _repository = null!;

                    [SetUp]
                    public void Create() => _repository = Mocks.Create<IOrderRepository>();

                    [Test]
                    public void Places_the_order()
                    {
                        _repository.Setup(r => r.Save(It.IsAny<Order>())).Verifiable();
                        new OrderService(_repository.Object).Place(new Order());
                    }
                }
                """ + Doubles.Domain,
                Flavor.NUnit3,
                Libs.Moq));

    [Fact]
    public Task Verifiable_outside_a_test_method_and_on_parameters_is_not_reported()
        => VerifyTST2004.AnalyzerAsync(
            Source(Flavor.XunitV2, """
                private readonly Mock<IOrderRepository> _repository = new Mock<IOrderRepository>();

                public OrderTests() => _repository.Setup(r => r.Save(It.IsAny<Order>())).Verifiable();

                [Theory]
                [MemberData(nameof(Mocks))]
                public void With_a_mock_from_data(Mock<IOrderRepository> repository)
                {
                    repository.Setup(r => r.Save(It.IsAny<Order>())).Verifiable();
                    new OrderService(repository.Object).Place(new Order());
                }

                public static TheoryData<Mock<IOrderRepository>> Mocks() => new() { new Mock<IOrderRepository>() };
                """),
            Flavor.XunitV2,
            Libs.Moq);

    [Theory]
    [InlineData(MockLib.NSubstitute)]
    [InlineData(MockLib.FakeItEasy)]
    public Task A_Verifiable_method_of_another_library_is_not_Moq(MockLib lib)
        => VerifyTST2004.AnalyzerAsync(
            Source(Flavor.XunitV3, $$"""
                [Test]
                public void Places_the_order()
                {
                    var repository = {{Doubles.Create(lib, "IOrderRepository")}};
                    {{Doubles.Configure(lib, "repository")}}
                    repository.Verifiable();
                    new OrderService(repository).Total(1);
                }
                """, Doubles.Using(lib)) + """

            public static class Expectations
            {
                public static T Verifiable<T>(this T value) => value;
            }
            """,
            Flavor.XunitV3,
            Doubles.Flag(lib));
}
