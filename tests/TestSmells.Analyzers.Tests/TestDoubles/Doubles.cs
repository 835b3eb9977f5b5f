using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.TestDoubles;

/// <summary>A mocking library, as the TestDoubles tests write code for it.</summary>
public enum MockLib
{
    Moq,
    NSubstitute,
    FakeItEasy,
}

/// <summary>Test-source snippets per mocking library and per framework, shared by the TestDoubles tests.</summary>
public static class Doubles
{
    public static readonly MockLib[] AllLibs = { MockLib.Moq, MockLib.NSubstitute, MockLib.FakeItEasy };

    /// <summary>Every framework flavour with every mocking library.</summary>
    public static TheoryData<Flavor, MockLib> FlavorsAndLibs()
    {
        var data = new TheoryData<Flavor, MockLib>();
        foreach (var flavor in TestSource.AllFlavors)
        {
            foreach (var lib in AllLibs)
            {
                data.Add(flavor, lib);
            }
        }

        return data;
    }

    public static TheoryData<MockLib> Libraries()
    {
        var data = new TheoryData<MockLib>();
        foreach (var lib in AllLibs)
        {
            data.Add(lib);
        }

        return data;
    }

    public static Libs Flag(MockLib lib) => lib switch
    {
        MockLib.Moq => Libs.Moq,
        MockLib.NSubstitute => Libs.NSubstitute,
        _ => Libs.FakeItEasy,
    };

    public static string Using(MockLib lib) => lib switch
    {
        MockLib.Moq => "using Moq;",
        MockLib.NSubstitute => "using NSubstitute;",
        _ => "using FakeItEasy;",
    };

    /// <summary>The usings a test needs for <paramref name="lib"/>, EF Core and (for TUnit) the assertion extensions.</summary>
    public static string Usings(MockLib lib, Flavor flavor, bool efCore = false)
        => Using(lib)
        + (efCore ? "\nusing Microsoft.EntityFrameworkCore;" : string.Empty)
        + (flavor == Flavor.TUnit ? "\nusing TUnit.Assertions;\nusing TUnit.Assertions.Extensions;" : string.Empty);

    /// <summary>The library's plainest way to create a double of <paramref name="type"/>.</summary>
    public static string Create(MockLib lib, string type) => lib switch
    {
        MockLib.Moq => $"new Mock<{type}>()",
        MockLib.NSubstitute => $"Substitute.For<{type}>()",
        _ => $"A.Fake<{type}>()",
    };

    /// <summary>The object the code under test receives from the double held in <paramref name="variable"/>.</summary>
    public static string Object(MockLib lib, string variable) => lib == MockLib.Moq ? variable + ".Object" : variable;

    /// <summary>Configures <c>Find(1)</c> of the <c>IOrderRepository</c> double in <paramref name="variable"/>.</summary>
    public static string Configure(MockLib lib, string variable) => lib switch
    {
        MockLib.Moq => $"{variable}.Setup(r => r.Find(1)).Returns(new Order {{ Total = 5 }});",
        MockLib.NSubstitute => $"{variable}.Find(1).Returns(new Order {{ Total = 5 }});",
        _ => $"A.CallTo(() => {variable}.Find(1)).Returns(new Order {{ Total = 5 }});",
    };

    /// <summary>Verifies that <c>Save</c> was called on the double in <paramref name="variable"/>.</summary>
    public static string VerifySaved(MockLib lib, string variable) => lib switch
    {
        MockLib.Moq => $"{variable}.Verify(r => r.Save(It.IsAny<Order>()), Times.Once());",
        MockLib.NSubstitute => $"{variable}.Received(1).Save(Arg.Any<Order>());",
        _ => $"A.CallTo(() => {variable}.Save(A<Order>._)).MustHaveHappenedOnceExactly();",
    };

    /// <summary>An assertion that <paramref name="actual"/> (a decimal) equals 5, in the framework's idiom.</summary>
    public static string AssertTotal(Flavor flavor, string actual) => flavor switch
    {
        Flavor.XunitV2 or Flavor.XunitV3 => $"Assert.Equal(5m, {actual});",
        Flavor.NUnit3 or Flavor.NUnit4 => $"Assert.That({actual}, Is.EqualTo(5m));",
        Flavor.MSTest3 or Flavor.MSTest4 => $"Assert.AreEqual(5m, {actual});",
        _ => $"await Assert.That({actual}).IsEqualTo(5m);",
    };

    /// <summary>The code under test: a service over a repository interface.</summary>
    public const string Domain = """

        public class Order
        {
            public int Id { get; set; }
            public decimal Total { get; set; }
        }

        public interface IOrderRepository
        {
            Order? Find(int id);
            void Save(Order order);
        }

        public class OrderService
        {
            private readonly IOrderRepository _repository;
            public OrderService(IOrderRepository repository) => _repository = repository;
            public decimal Total(int id) => _repository.Find(id)?.Total ?? 0m;
            public void Place(Order order) => _repository.Save(order);
        }
        """;

    /// <summary>An EF Core model: a context, and the interface over it that applications mock.</summary>
    public const string EfDomain = """

        public class ShopContext : Microsoft.EntityFrameworkCore.DbContext, IShopContext
        {
            public ShopContext(Microsoft.EntityFrameworkCore.DbContextOptions<ShopContext> options) : base(options) { }
            public Microsoft.EntityFrameworkCore.DbSet<Order> Orders => Set<Order>();
        }

        public class AuditingShopContext : ShopContext
        {
            public AuditingShopContext(Microsoft.EntityFrameworkCore.DbContextOptions<ShopContext> options) : base(options) { }
        }

        public interface IShopContext
        {
            Microsoft.EntityFrameworkCore.DbSet<Order> Orders { get; }
        }

        public interface IReportingContext : IShopContext
        {
        }
        """;
}
