using System.Collections.Generic;
using System.Text;

namespace TestSmells.Benchmarks;

/// <summary>The test framework idiom a generated suite is written in.</summary>
public enum SuiteFlavor
{
    /// <summary>xUnit with Moq and FluentAssertions.</summary>
    Xunit,

    /// <summary>NUnit with Moq and constraint assertions.</summary>
    NUnit,

    /// <summary>MSTest with Moq and classic assertions.</summary>
    MSTest,

    /// <summary>The same code with no test framework at all: production code.</summary>
    Production,
}

/// <summary>
/// Writes a realistic test suite of a given size: arrange/act/assert bodies over a small domain,
/// mocks, helpers that assert (some through two levels), data-driven tests, and about 2% smells.
/// </summary>
public static class SuiteGenerator
{
    public const int TestsPerClass = 50;

    public static IEnumerable<(string Path, string Text)> Generate(SuiteFlavor flavor, int testCount)
    {
        yield return ("Domain.cs", Domain);
        var classes = (testCount + TestsPerClass - 1) / TestsPerClass;
        var written = 0;
        for (var c = 0; c < classes; c++)
        {
            var count = System.Math.Min(TestsPerClass, testCount - written);
            yield return ($"Tests/OrderTests{c:D5}.cs", Class(flavor, c, count));
            written += count;
        }
    }

    private static string Class(SuiteFlavor flavor, int index, int count)
    {
        var (usings, classAttribute, test, theory, data) = flavor switch
        {
            SuiteFlavor.Xunit => ("using Xunit;\nusing Moq;\nusing FluentAssertions;", "", "[Fact]", "[Theory]", "[InlineData({0})]"),
            SuiteFlavor.NUnit => ("using NUnit.Framework;\nusing Moq;", "[TestFixture]", "[Test]", "", "[TestCase({0})]"),
            SuiteFlavor.MSTest => ("using Microsoft.VisualStudio.TestTools.UnitTesting;\nusing Moq;", "[TestClass]", "[TestMethod]", "[DataTestMethod]", "[DataRow({0})]"),
            _ => ("", "", "", "", ""),
        };

        var sb = new StringBuilder();
        sb.AppendLine("using System;\nusing System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;");
        sb.AppendLine(usings);
        sb.AppendLine("namespace Shop.Tests;");
        sb.AppendLine(classAttribute);
        sb.AppendLine($"public class OrderTests{index:D5}");
        sb.AppendLine("{");
        sb.AppendLine("    private readonly List<int> _created = new();");
        for (var i = 0; i < count; i++)
        {
            var n = index * TestsPerClass + i;
            var smell = n % 50 == 49 ? n / 50 % 6 : -1;
            var isTheory = n % 10 == 3 && flavor != SuiteFlavor.Production;
            var attribute = isTheory
                ? (theory.Length > 0 ? theory + "\n    " : string.Empty) + string.Format(data, n % 5 + 1)
                : test;
            var parameter = isTheory ? "int quantity" : string.Empty;
            var quantity = isTheory ? "quantity" : (n % 5 + 1).ToString();
            var isAsync = n % 4 == 0 || smell == 1;
            sb.AppendLine($"    {attribute}");
            sb.AppendLine($"    public {(isAsync ? "async Task" : "void")} Order_{n}_is_priced({parameter})");
            sb.AppendLine("    {");
            if (flavor == SuiteFlavor.Production)
            {
                sb.AppendLine($"        var repository = new InMemoryOrders(new Order({n}, {quantity}, {n % 90 + 10}m));");
                sb.AppendLine("        var pricing = new PricingService(repository);");
            }
            else
            {
                sb.AppendLine("        var repository = new Mock<IOrderRepository>();");
                sb.AppendLine($"        repository.Setup(r => r.Find({n})).Returns(new Order({n}, {quantity}, {n % 90 + 10}m));");
                sb.AppendLine("        var pricing = new PricingService(repository.Object);");
            }

            sb.AppendLine($"        _created.Add({n});");
            sb.AppendLine(isAsync
                ? $"        var price = await pricing.PriceForAsync({n});"
                : $"        var price = pricing.PriceFor({n});");
            switch (smell)
            {
                case 0: sb.AppendLine("        Thread.Sleep(10);"); break;
                case 1: sb.AppendLine("        await Task.Delay(10);"); break;
                case 2: sb.AppendLine("        var now = DateTime.UtcNow;"); break;
                case 3: sb.AppendLine("        var noise = new Random().Next();"); break;
                case 4: sb.AppendLine("        Console.WriteLine(price);"); break;
            }

            if (smell != 5)
            {
                sb.AppendLine(Assertion(flavor, n));
                if (n % 3 == 0)
                {
                    sb.AppendLine("        AssertPlausible(price);");
                }
            }

            if (n % 7 == 0 && flavor != SuiteFlavor.Production)
            {
                sb.AppendLine($"        repository.Verify(r => r.Find({n}), Times.Once());");
            }

            sb.AppendLine("    }");
            sb.AppendLine();
        }

        sb.AppendLine("    private static void AssertPlausible(decimal price) => AssertPositive(price);");
        sb.AppendLine(flavor switch
        {
            SuiteFlavor.Xunit => "    private static void AssertPositive(decimal price) => Assert.True(price > 0);",
            SuiteFlavor.NUnit => "    private static void AssertPositive(decimal price) => Assert.That(price, Is.GreaterThan(0m));",
            SuiteFlavor.MSTest => "    private static void AssertPositive(decimal price) => Assert.IsTrue(price > 0);",
            _ => "    private static void AssertPositive(decimal price) { if (price <= 0) throw new InvalidOperationException(); }",
        });
        sb.AppendLine("}");
        return sb.ToString();
    }

    private static string Assertion(SuiteFlavor flavor, int n) => flavor switch
    {
        SuiteFlavor.Xunit => n % 2 == 0 ? "        price.Should().BeGreaterThan(0m);" : "        Assert.InRange(price, 0m, 100000m);",
        SuiteFlavor.NUnit => "        Assert.That(price, Is.GreaterThan(0m));",
        SuiteFlavor.MSTest => "        Assert.IsTrue(price > 0m);",
        _ => "        if (price <= 0m) throw new InvalidOperationException();",
    };

    private const string Domain = """
        using System;
        using System.Threading.Tasks;

        namespace Shop.Tests;

        public sealed record Order(int Id, int Quantity, decimal UnitPrice);

        public interface IOrderRepository
        {
            Order Find(int id);
        }

        public sealed class InMemoryOrders : IOrderRepository
        {
            private readonly Order _order;

            public InMemoryOrders(Order order) => _order = order;

            public Order Find(int id) => _order;
        }

        public sealed class PricingService
        {
            private readonly IOrderRepository _orders;

            public PricingService(IOrderRepository orders) => _orders = orders;

            public decimal PriceFor(int id)
            {
                var order = _orders.Find(id);
                var gross = order.Quantity * order.UnitPrice;
                return order.Quantity >= 3 ? gross * 0.9m : gross;
            }

            public Task<decimal> PriceForAsync(int id) => Task.FromResult(PriceFor(id));
        }
        """;
}
