using System.Threading.Tasks;
using TestSmells.Analyzers.CodeFixes.TestDoubles;
using TestSmells.Analyzers.Tests.Infrastructure;
using FixTST2004 = TestSmells.Analyzers.Tests.Infrastructure.VerifyFix<
    TestSmells.Analyzers.TestDoubles.UnverifiedVerifiableAnalyzer,
    TestSmells.Analyzers.CodeFixes.TestDoubles.VerifyMockCodeFix>;

namespace TestSmells.Analyzers.Tests.TestDoubles;

public class VerifyMockCodeFixTests
{
    /// <summary>A test class with <paramref name="members"/> indented one level, as a formatter would leave it.</summary>
    private static string Source(Flavor flavor, string members)
        => TestSource.Class(flavor, "    " + members.Replace("\n", "\n    ", System.StringComparison.Ordinal), "using Moq;") + Doubles.Domain;

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task The_fix_adds_Verify_at_the_end_of_the_test(Flavor flavor)
        => FixTST2004.CodeFixAsync(
            Source(flavor, """
                [Test]
                public void Places_the_order()
                {
                    var repository = new Mock<IOrderRepository>();
                    repository.Setup(r => r.Save(It.IsAny<Order>())){|TST2004:.Verifiable()|};

                    new OrderService(repository.Object).Place(new Order());
                }
                """),
            Source(flavor, """
                [Test]
                public void Places_the_order()
                {
                    var repository = new Mock<IOrderRepository>();
                    repository.Setup(r => r.Save(It.IsAny<Order>())).Verifiable();

                    new OrderService(repository.Object).Place(new Order());
                    repository.Verify();
                }
                """),
            flavor,
            Libs.Moq,
            VerifyMockCodeFix.EquivalenceKey);

    [Fact]
    public Task Fix_all_adds_one_Verify_per_mock_per_test()
        => FixTST2004.CodeFixAsync(
            Source(Flavor.XunitV3, """
                public interface IClock { DateTimeOffset Now { get; } }

                [Test]
                public void Places_the_order()
                {
                    var repository = new Mock<IOrderRepository>();
                    var clock = new Mock<IClock>();
                    repository.Setup(r => r.Find(1)).Returns(new Order()){|TST2004:.Verifiable()|};
                    clock.SetupGet(c => c.Now).Returns(DateTimeOffset.UnixEpoch){|TST2004:.Verifiable()|};
                    repository.Setup(r => r.Save(It.IsAny<Order>())){|TST2004:.Verifiable()|};
                    var service = new OrderService(repository.Object);
                    service.Place(service.Total(1) > 0 ? new Order() : new Order { Id = 1 });
                }

                [Test]
                public void Prices_the_order()
                {
                    var repository = new Mock<IOrderRepository>();
                    repository.Setup(r => r.Find(1)).Returns(new Order()){|TST2004:.Verifiable()|};
                    new OrderService(repository.Object).Total(1);
                }
                """),
            Source(Flavor.XunitV3, """
                public interface IClock { DateTimeOffset Now { get; } }

                [Test]
                public void Places_the_order()
                {
                    var repository = new Mock<IOrderRepository>();
                    var clock = new Mock<IClock>();
                    repository.Setup(r => r.Find(1)).Returns(new Order()).Verifiable();
                    clock.SetupGet(c => c.Now).Returns(DateTimeOffset.UnixEpoch).Verifiable();
                    repository.Setup(r => r.Save(It.IsAny<Order>())).Verifiable();
                    var service = new OrderService(repository.Object);
                    service.Place(service.Total(1) > 0 ? new Order() : new Order { Id = 1 });
                    repository.Verify();
                    clock.Verify();
                }

                [Test]
                public void Prices_the_order()
                {
                    var repository = new Mock<IOrderRepository>();
                    repository.Setup(r => r.Find(1)).Returns(new Order()).Verifiable();
                    new OrderService(repository.Object).Total(1);
                    repository.Verify();
                }
                """),
            Flavor.XunitV3,
            Libs.Moq,
            VerifyMockCodeFix.EquivalenceKey);

    [Fact]
    public Task Mock_Get_and_field_mocks_are_verified_as_they_are_written_and_before_a_final_return()
        => FixTST2004.CodeFixAsync(
            Source(Flavor.NUnit4, """
                private readonly Mock<IOrderRepository> _repository = new Mock<IOrderRepository>();

                [Test]
                public void Through_Mock_Get()
                {
                    var repository = Mock.Of<IOrderRepository>();
                    Mock.Get(repository).Setup(r => r.Find(1)).Returns(new Order()){|TST2004:.Verifiable()|};
                    new OrderService(repository).Total(1);
                }

                [TestCase(1, ExpectedResult = 0)]
                public decimal On_a_field(int id)
                {
                    _repository.Setup(r => r.Find(id)).Returns(new Order()){|TST2004:.Verifiable()|};
                    return new OrderService(_repository.Object).Total(id);
                }
                """),
            Source(Flavor.NUnit4, """
                private readonly Mock<IOrderRepository> _repository = new Mock<IOrderRepository>();

                [Test]
                public void Through_Mock_Get()
                {
                    var repository = Mock.Of<IOrderRepository>();
                    Mock.Get(repository).Setup(r => r.Find(1)).Returns(new Order()).Verifiable();
                    new OrderService(repository).Total(1);
                    Mock.Get(repository).Verify();
                }

                [TestCase(1, ExpectedResult = 0)]
                public decimal On_a_field(int id)
                {
                    _repository.Setup(r => r.Find(id)).Returns(new Order()).Verifiable();
                    _repository.Verify();
                    return new OrderService(_repository.Object).Total(id);
                }
                """),
            Flavor.NUnit4,
            Libs.Moq,
            VerifyMockCodeFix.EquivalenceKey);

    [Fact]
    public Task No_fix_when_the_test_has_no_block_or_the_mock_is_out_of_scope_at_its_end()
        => FixTST2004.NoFixAsync(
            Source(Flavor.MSTest3, """
                private readonly Mock<IOrderRepository> _repository = new Mock<IOrderRepository>();

                [Test]
                public void Expression_bodied() => _repository.Setup(r => r.Find(1)).Returns(new Order()){|TST2004:.Verifiable()|};

                [Test]
                public void Nested()
                {
                    {
                        var repository = new Mock<IOrderRepository>();
                        repository.Setup(r => r.Find(1)).Returns(new Order()){|TST2004:.Verifiable()|};
                        new OrderService(repository.Object).Total(1);
                    }
                }
                """),
            Flavor.MSTest3,
            Libs.Moq);
}
