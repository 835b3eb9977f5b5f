using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.TestDoubles;

/// <summary>Half-typed and unusual code around mocks and EF Core: no analyzer may throw (AD0001).</summary>
public class TestDoublesRobustnessTests
{
    [Theory]
    [InlineData("""
        var repository = new Mock<Missing>();
        repository.Setup(r => r.Nothing()).Verifiable(
        """)]
    [InlineData("""
        var options = new DbContextOptionsBuilder<ShopContext>().UseInMemoryDatabase(
        """)]
    [InlineData("""
        var options = new DbContextOptionsBuilder<Unknown>().UseInMemoryDatabase("x").Options;
        using var context = new Unknown(options);
        """)]
    [InlineData("""
        Mock.Get(missing).Setup(x => x.Y()).Verifiable();
        Mock.Verify(undefined);
        Mock.Verify();
        """)]
    [InlineData("""
        var substitute = Substitute.For<>();
        substitute.Returns();
        A.CallTo(() => ).Returns(1);
        A.CallTo(null!);
        """)]
    [InlineData("""
        var m = new Mock<ShopContext>() { DefaultValue = DefaultValue.Mock };
        (m).Setup(c => c.Orders).Verifiable();
        m = null!;
        new Mock<Order[]>().Verifiable();
        """)]
    [InlineData("""
        Mock<IOrderRepository> Local() => new();
        var made = Local();
        made.Setup(r => r.Find(1)).Verifiable();
        dynamic d = made;
        d.Verify();
        """)]
    public async Task No_analyzer_throws_on_broken_or_unusual_code(string body)
    {
        var source = TestSource.Class(Flavor.XunitV3, $$"""
                [Test]
                public void Broken()
                {
                    {{body}}
                }

                [Test]
                public void Generic<T>() where T : class
                {
                    var mock = new Mock<T>();
                    mock.Setup(x => x.ToString()).Verifiable();
                }

                [Test]
                public void Expression_bodied() => new Mock<IOrderRepository>().Setup(r => r.Find(1)).Verifiable();
            """, "using Moq;\nusing NSubstitute;\nusing FakeItEasy;\nusing Microsoft.EntityFrameworkCore;") + Doubles.Domain + Doubles.EfDomain;
        var compilation = await AllAnalyzers.CompileAsync(
            Flavor.XunitV3,
            Libs.Moq | Libs.NSubstitute | Libs.FakeItEasy | Libs.EFCoreInMemory | Libs.EFCoreSqlite,
            source);
        await AllAnalyzers.RunAsync(compilation);
    }
}
