using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

// Shared by the benchmark harness (bench/TestSmells.Benchmarks) and the robustness and determinism
// tests (tests/TestSmells.Analyzers.Tests/Robustness): both projects link this one file.
namespace TestSmells.SuiteGeneration;

/// <summary>The test framework idiom a generated suite is written in.</summary>
public enum SuiteFlavor
{
    /// <summary>xUnit with Moq and FluentAssertions.</summary>
    Xunit,

    /// <summary>NUnit with Moq and constraint assertions.</summary>
    NUnit,

    /// <summary>MSTest with Moq and classic assertions.</summary>
    MSTest,

    /// <summary>The same code with no test framework and no mocking library: production code.</summary>
    Production,
}

/// <summary>What to generate.</summary>
public sealed class SuiteOptions
{
    public SuiteOptions(SuiteFlavor flavor, int testCount)
    {
        Flavor = flavor;
        TestCount = testCount;
    }

    public SuiteFlavor Flavor { get; }

    public int TestCount { get; }

    public int TestsPerClass { get; set; } = 50;

    /// <summary>One test in this many carries a smell (0: no smells in tests; the domain and class-level smells stay).</summary>
    public int SmellEvery { get; set; } = 50;

    /// <summary>
    /// Adds an EF Core <c>DbContext</c> to the domain and the two database smells (TST2001, TST2002);
    /// the suite then needs Microsoft.EntityFrameworkCore and Microsoft.EntityFrameworkCore.InMemory.
    /// </summary>
    public bool EntityFramework { get; set; }
}

/// <summary>
/// Writes a realistic test suite of a given size: arrange/act/assert bodies over a small domain,
/// mocks, helpers that assert (through two levels), data-driven tests, exception assertions, set-up
/// methods, and a few smells of every rule (one test in <see cref="SuiteOptions.SmellEvery"/>, plus a
/// shared static field and an ordering attribute in some classes, and two smells in the domain).
/// </summary>
/// <remarks>
/// Every line where a finding is expected ends with a <c>// expect: TSTxxxx</c> comment naming the
/// rule(s), for the flavour at hand: tests can check that the analyzers report exactly there.
/// </remarks>
public static class SuiteGenerator
{
    /// <summary>The marker that ends a line where a rule must report.</summary>
    public const string ExpectMarker = "// expect: ";

    private enum Smell
    {
        None,
        ThreadSleep,
        TaskDelay,
        WallClock,
        MockedDatabase,
        InMemoryDatabase,
        MocksWithoutAssertion,
        UnverifiedVerifiable,
        InteractionOnly,
        MissingAssertion,
        Tautology,
        SwallowedException,
        TryFailCatch,
        EmptyTest,
        UnseededRandom,
        SkipWithoutReason,
        ConsoleOutput,
        OrderAttribute,
        HardCodedPort,
        FixedSharedPath,
        CultureDependence,
        UnawaitedAssertion,
        ProcessState,
    }

    /// <summary>The test project's files (see <see cref="Generate(SuiteOptions)"/>).</summary>
    public static IEnumerable<(string Path, string Text)> Generate(SuiteFlavor flavor, int testCount)
        => Generate(new SuiteOptions(flavor, testCount));

    /// <summary>
    /// The files of the project to analyze. In the test flavours that is a test project, which
    /// references the code under test compiled from <see cref="Library"/> (as a real test project
    /// references the project it tests); in the production flavour the domain is part of the project.
    /// </summary>
    public static IEnumerable<(string Path, string Text)> Generate(SuiteOptions options)
    {
        if (options.Flavor == SuiteFlavor.Production)
        {
            foreach (var file in Library(options))
            {
                yield return file;
            }
        }
        else
        {
            yield return ("Support.cs", Support(options));
        }

        var perClass = Math.Max(1, options.TestsPerClass);
        var classes = (options.TestCount + perClass - 1) / perClass;
        var written = 0;
        for (var c = 0; c < classes; c++)
        {
            var count = Math.Min(perClass, options.TestCount - written);
            yield return ($"Tests/OrderTests{c:D5}.cs", new ClassWriter(options, c, written, count).Write());
            written += count;
        }
    }

    /// <summary>The code under test (namespace <c>Shop</c>): a separate library that the test flavours reference.</summary>
    public static IEnumerable<(string Path, string Text)> Library(SuiteOptions options)
    {
        yield return ("Domain.cs", Domain(options));
        if (options.EntityFramework)
        {
            yield return ("Data.cs", Data);
        }
    }

    /// <summary>Test support code of the test project: a fake that waits on real time although it holds a TimeProvider (TST1005).</summary>
    private static string Support(SuiteOptions options) => $$"""
        using System;
        using System.Threading.Tasks;
        using Shop;

        namespace Shop.Tests;

        public sealed class SlowOrders : IOrderRepository
        {
            private readonly IOrderRepository _inner;
            private readonly TimeProvider _time;

            public SlowOrders(IOrderRepository inner, TimeProvider time)
            {
                _inner = inner;
                _time = time;
            }

            public Order Find(int id)
            {
                Task.Delay(TimeSpan.FromMilliseconds(5)).Wait();{{Expect(options.Flavor, "TST1005")}}
                return _inner.Find(id);
            }
        }
        """;

    /// <summary>The smells a test flavour can carry, in the order they rotate through the suite.</summary>
    private static Smell[] SmellsOf(SuiteOptions options)
    {
        var smells = new List<Smell>
        {
            Smell.ThreadSleep, Smell.TaskDelay, Smell.WallClock, Smell.MissingAssertion, Smell.Tautology,
            Smell.SwallowedException, Smell.TryFailCatch, Smell.EmptyTest, Smell.UnseededRandom, Smell.SkipWithoutReason, Smell.ConsoleOutput,
            Smell.HardCodedPort, Smell.FixedSharedPath, Smell.CultureDependence,
        };
        if (options.Flavor != SuiteFlavor.Production)
        {
            smells.AddRange(new[] { Smell.MocksWithoutAssertion, Smell.UnverifiedVerifiable, Smell.InteractionOnly, Smell.UnawaitedAssertion, Smell.ProcessState });
            if (options.EntityFramework)
            {
                smells.AddRange(new[] { Smell.MockedDatabase, Smell.InMemoryDatabase });
            }
        }

        if (options.Flavor == SuiteFlavor.NUnit)
        {
            smells.Add(Smell.OrderAttribute);
        }

        return smells.ToArray();
    }

    /// <summary>The end-of-line marker naming those of <paramref name="rules"/> that report in this flavour, or nothing.</summary>
    private static string Expect(SuiteFlavor flavor, params string[] rules)
    {
        var applying = rules.Where(rule => rule switch
        {
            "TST1004" => flavor == SuiteFlavor.Production, // production code rule: registers nothing in test projects
            "TST1005" => true, // every compilation, never in test code
            "TST5002" => flavor == SuiteFlavor.Xunit, // NUnit and MSTest capture the console per test
            _ => flavor != SuiteFlavor.Production,
        }).ToList();
        return applying.Count == 0 ? string.Empty : " " + ExpectMarker + string.Join(" ", applying);
    }

    private static string Domain(SuiteOptions options) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Shop;

        public sealed record Order(int Id, int Quantity, decimal UnitPrice);

        public sealed record Quote(int OrderId, decimal Total, int Lines);

        public interface IOrderRepository
        {
            Order Find(int id);
        }

        public sealed class InMemoryOrders : IOrderRepository
        {
            private readonly Dictionary<int, Order> _orders;

            public InMemoryOrders(IEnumerable<Order> orders) => _orders = orders.ToDictionary(o => o.Id);

            public Order Find(int id) => _orders.TryGetValue(id, out var order) ? order : throw new KeyNotFoundException($"No order {id}");
        }

        public sealed class DiscountTable
        {
            public decimal RateFor(int quantity) => quantity >= 3 ? 0.1m : 0m;
        }

        public sealed class PricingService
        {
            private readonly IOrderRepository _orders;
            private readonly DiscountTable _discounts;

            public PricingService(IOrderRepository orders, DiscountTable? discounts = null)
            {
                _orders = orders;
                _discounts = discounts ?? new DiscountTable();
            }

            public decimal PriceFor(int id)
            {
                if (id < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(id));
                }

                var order = _orders.Find(id);
                var gross = order.Quantity * order.UnitPrice;
                return gross - gross * _discounts.RateFor(order.Quantity);
            }

            public Task<decimal> PriceForAsync(int id) => Task.FromResult(PriceFor(id));

            public Quote Quote(int id) => new(id, PriceFor(id), _orders.Find(id).Quantity);

            public async Task<Quote> QuoteAsync(int id)
            {
                var total = await PriceForAsync(id);
                return new Quote(id, total, _orders.Find(id).Quantity);
            }
        }

        public sealed class OrderClock
        {
            public DateTime Stamp() => DateTime.UtcNow;{{Expect(options.Flavor, "TST1004")}}
        }

        public sealed class RetryingPricing
        {
            private readonly PricingService _pricing;
            private readonly TimeProvider _time;

            public RetryingPricing(PricingService pricing, TimeProvider time)
            {
                _pricing = pricing;
                _time = time;
            }

            public DateTimeOffset LastAttempt { get; private set; }

            public async Task<decimal> PriceAsync(int id)
            {
                LastAttempt = _time.GetUtcNow();
                await Task.Delay(TimeSpan.FromMilliseconds(20));{{Expect(options.Flavor, "TST1005")}}
                return _pricing.PriceFor(id);
            }
        }

        /// <summary>The checks of the production flavour (no test framework there).</summary>
        public static class Check
        {
            public static void True(bool condition)
            {
                if (!condition)
                {
                    throw new InvalidOperationException("Check failed");
                }
            }

            public static void Equal<T>(T expected, T actual)
            {
                if (!EqualityComparer<T>.Default.Equals(expected, actual))
                {
                    throw new InvalidOperationException($"Expected {expected}, got {actual}");
                }
            }

            public static void Throws<TException>(Action action)
                where TException : Exception
            {
                try
                {
                    action();
                }
                catch (TException)
                {
                    return;
                }

                throw new InvalidOperationException($"Expected {typeof(TException).Name}");
            }
        }
        """;

    private const string Data = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop;

        public class ShopContext : DbContext
        {
            public ShopContext()
            {
            }

            public ShopContext(DbContextOptions<ShopContext> options)
                : base(options)
            {
            }

            public DbSet<Order> Orders => Set<Order>();
        }

        public sealed class OrderStore
        {
            public OrderStore(ShopContext context) => Context = context;

            public ShopContext Context { get; }

            public bool IsReady => Context.Model is not null;
        }
        """;

    /// <summary>Writes one test class.</summary>
    private sealed class ClassWriter
    {
        private readonly SuiteOptions _options;
        private readonly SuiteFlavor _flavor;
        private readonly int _index;
        private readonly int _first;
        private readonly int _count;
        private readonly Smell[] _smells;
        private readonly StringBuilder _sb = new();

        public ClassWriter(SuiteOptions options, int index, int first, int count)
        {
            _options = options;
            _flavor = options.Flavor;
            _index = index;
            _first = first;
            _count = count;
            _smells = SmellsOf(options);
        }

        private bool IsTest => _flavor != SuiteFlavor.Production;

        private bool HasMocks => _flavor != SuiteFlavor.Production;

        /// <summary>Classes 1, 21, 41... share a mutable static counter (TST4001).</summary>
        private bool SharesStaticState => _index % 20 == 1;

        /// <summary>Classes 2, 22, 42... of the xUnit flavour choose their tests' order (TST4002).</summary>
        private bool OrdersTests => _index % 20 == 2 && _flavor == SuiteFlavor.Xunit;

        public string Write()
        {
            Line("using System;");
            Line("using System.Collections.Generic;");
            Line("using System.Linq;");
            Line("using System.Threading;");
            Line("using System.Threading.Tasks;");
            switch (_flavor)
            {
                case SuiteFlavor.Xunit:
                    Line("using FluentAssertions;");
                    Line("using Moq;");
                    Line("using Xunit;");
                    break;
                case SuiteFlavor.NUnit:
                    Line("using Moq;");
                    Line("using NUnit.Framework;");
                    break;
                case SuiteFlavor.MSTest:
                    Line("using Microsoft.VisualStudio.TestTools.UnitTesting;");
                    Line("using Moq;");
                    break;
            }

            if (_options.EntityFramework && IsTest)
            {
                Line("using Microsoft.EntityFrameworkCore;");
            }

            Line("using Shop;");
            Line();
            Line("namespace Shop.Tests;");
            Line();
            switch (_flavor)
            {
                case SuiteFlavor.NUnit:
                    Line("[TestFixture]");
                    break;
                case SuiteFlavor.MSTest:
                    Line("[TestClass]");
                    break;
            }

            if (OrdersTests)
            {
                Line("[TestCaseOrderer(\"Shop.Tests.AlphabeticalOrderer\", \"Shop.Tests\")]" + Expect(_flavor, "TST4002"));
            }

            var name = IsTest ? "OrderTests" : "OrderScenarios";
            Line($"public class {name}{_index:D5}");
            Line("{");
            if (SharesStaticState)
            {
                Line("    private static int _runs;" + Expect(_flavor, "TST4001"));
                Line();
            }

            Line("    private readonly List<int> _created = new();");
            Line(_flavor is SuiteFlavor.NUnit or SuiteFlavor.MSTest ? "    private DiscountTable _discounts = null!;" : "    private DiscountTable _discounts;");
            Line();
            WriteSetUp(name);
            for (var i = 0; i < _count; i++)
            {
                Line();
                WriteTest(_first + i);
            }

            Line();
            WriteHelpers();
            Line("}");
            return _sb.ToString();
        }

        private void WriteSetUp(string name)
        {
            switch (_flavor)
            {
                case SuiteFlavor.NUnit:
                    Line("    [SetUp]");
                    Line("    public void SetUp()");
                    break;
                case SuiteFlavor.MSTest:
                    Line("    [TestInitialize]");
                    Line("    public void Initialize()");
                    break;
                default:
                    Line($"    public {name}{_index:D5}()");
                    break;
            }

            Line("    {");
            Line("        _discounts = new DiscountTable();");
            if (SharesStaticState)
            {
                Line("        _runs++;");
            }

            Line("    }");
        }

        private Smell SmellOf(int n)
        {
            var every = _options.SmellEvery;
            return every <= 0 || n % every != every - 1 ? Smell.None : _smells[n / every % _smells.Length];
        }

        private void WriteTest(int n)
        {
            var smell = SmellOf(n);
            var variant = n % 6;
            var isTheory = smell == Smell.None && n % 10 == 3;
            var isAsync = smell == Smell.TaskDelay || (smell == Smell.None && n % 4 == 0 && variant is 0 or 1 or 3 or 4);
            var quantity = n % 5 + 1;
            var unitPrice = n % 90 + 10;
            var q = isTheory ? "quantity" : quantity.ToString(CultureInfo.InvariantCulture);
            var p = unitPrice.ToString(CultureInfo.InvariantCulture) + "m";

            WriteAttributes(smell, isTheory);
            var signature = $"public {(isAsync ? "async Task" : "void")} Order_{n}_{Topic(variant, smell)}({(isTheory ? "int quantity" : string.Empty)})";
            var methodLevel = smell switch
            {
                Smell.MocksWithoutAssertion => Expect(_flavor, "TST2003"),
                Smell.InteractionOnly => Expect(_flavor, "TST2005"),
                Smell.MissingAssertion => Expect(_flavor, "TST3001"),
                Smell.EmptyTest => Expect(_flavor, "TST3004"),
                _ => string.Empty,
            };
            Line("    " + signature + methodLevel);
            Line("    {");
            if (smell == Smell.None)
            {
                WriteVariant(variant, n, q, p, isAsync);
            }
            else
            {
                WriteSmell(smell, n, q, p);
            }

            Line("    }");
        }

        private static string Topic(int variant, Smell smell) => smell != Smell.None
            ? "is_handled"
            : variant switch
            {
                0 => "is_priced",
                1 => "prices_every_line",
                2 => "rejects_a_negative_id",
                3 => "is_quoted",
                4 => "looks_up_each_time",
                _ => "applies_the_discount",
            };

        private void WriteAttributes(Smell smell, bool isTheory)
        {
            switch (_flavor)
            {
                case SuiteFlavor.Xunit:
                    if (isTheory)
                    {
                        Line("    [Theory]");
                        Line("    [InlineData(1)]");
                        Line("    [InlineData(3)]");
                    }
                    else
                    {
                        Line(smell == Smell.SkipWithoutReason ? "    [Fact(Skip = \"\")]" + Expect(_flavor, "TST5001") : "    [Fact]");
                    }

                    break;
                case SuiteFlavor.NUnit:
                    if (isTheory)
                    {
                        Line("    [TestCase(1)]");
                        Line("    [TestCase(3)]");
                    }
                    else
                    {
                        Line("    [Test]");
                    }

                    if (smell == Smell.SkipWithoutReason)
                    {
                        Line("    [Ignore(\"\")]" + Expect(_flavor, "TST5001"));
                    }

                    if (smell == Smell.OrderAttribute)
                    {
                        Line("    [Order(1)]" + Expect(_flavor, "TST4002"));
                    }

                    break;
                case SuiteFlavor.MSTest:
                    Line("    [TestMethod]");
                    if (isTheory)
                    {
                        Line("    [DataRow(1)]");
                        Line("    [DataRow(3)]");
                    }

                    if (smell == Smell.SkipWithoutReason)
                    {
                        // The reason is only a comment above the attribute: TST5003 instead of TST5001.
                        Line("    // The pricing sandbox is down");
                        Line("    [Ignore]" + Expect(_flavor, "TST5003"));
                    }

                    break;
            }
        }

        /// <summary>The honest tests: six shapes of arrange/act/assert.</summary>
        private void WriteVariant(int variant, int n, string q, string p, bool isAsync)
        {
            var await = isAsync ? "await " : string.Empty;
            var async = isAsync ? "Async" : string.Empty;
            switch (variant)
            {
                case 0:
                    Line("        // Arrange");
                    ArrangeRepository(n, q, p, verifiable: false);
                    Line("        var pricing = new PricingService(orders, _discounts);");
                    Line();
                    Line("        // Act");
                    Line($"        var price = {await}pricing.PriceFor{async}({n});");
                    Line();
                    Line("        // Assert");
                    Line("        " + Positive("price"));
                    Line("        AssertPlausible(price);");
                    if (HasMocks && n % 7 == 0)
                    {
                        Line($"        repository.Verify(r => r.Find({n}), Times.Once());");
                    }

                    break;
                case 1:
                    Line($"        var lines = Enumerable.Range(1, {q}).Select(i => new Order({n} * 10 + i, i, {p})).ToList();");
                    Line("        var pricing = new PricingService(new InMemoryOrders(lines), _discounts);");
                    Line("        var prices = new List<decimal>();");
                    Line("        foreach (var line in lines)");
                    Line("        {");
                    Line($"            prices.Add({await}pricing.PriceFor{async}(line.Id));");
                    Line("        }");
                    Line();
                    Line("        " + Equal(q, "prices.Count"));
                    Line("        " + True("prices.All(price => price > 0m)"));
                    break;
                case 2:
                    Line($"        var pricing = new PricingService(new InMemoryOrders(new[] {{ new Order({n}, {q}, {p}) }}), _discounts);");
                    Line();
                    Line("        " + Throws("ArgumentOutOfRangeException", $"pricing.PriceFor(-{n} - 1)"));
                    break;
                case 3:
                    Line($"        var pricing = new PricingService(new InMemoryOrders(new[] {{ new Order({n}, {q}, {p}) }}), _discounts);");
                    Line();
                    Line($"        var quote = {await}pricing.Quote{async}({n});");
                    Line();
                    Line("        AssertValidQuote(quote);");
                    break;
                case 4:
                    if (HasMocks)
                    {
                        Line("        var repository = new Mock<IOrderRepository>();");
                        Line("        var lookups = 0;");
                        Line($"        repository.Setup(r => r.Find(It.IsAny<int>())).Callback(() => lookups++).Returns((int id) => new Order(id, {q}, {p}));");
                        Line("        var pricing = new PricingService(repository.Object, _discounts);");
                    }
                    else
                    {
                        Line("        var lookups = 2;");
                        Line($"        var pricing = new PricingService(new InMemoryOrders(new[] {{ new Order({n}, {q}, {p}) }}), _discounts);");
                    }

                    Line();
                    Line($"        var first = {await}pricing.PriceFor{async}({n});");
                    Line($"        var second = {await}pricing.PriceFor{async}({n});");
                    Line();
                    Line("        " + Equal("first", "second"));
                    Line("        " + Equal("2", "lookups"));
                    break;
                default:
                    Line($"        _created.Add({n});");
                    Line($"        var order = new Order({n}, {q}, {p});");
                    Line();
                    Line("        var discount = _discounts.RateFor(order.Quantity);");
                    Line();
                    Line("        " + True("discount >= 0m"));
                    Line("        " + Equal("1", "_created.Count"));
                    Line("        AssertPlausible(order.UnitPrice);");
                    break;
            }
        }

        private void WriteSmell(Smell smell, int n, string q, string p)
        {
            switch (smell)
            {
                case Smell.ThreadSleep:
                    InMemoryPricing(n, q, p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        Thread.Sleep(10);" + Expect(_flavor, "TST1001"));
                    Line("        " + Positive("price"));
                    break;
                case Smell.TaskDelay:
                    InMemoryPricing(n, q, p);
                    Line($"        var price = await pricing.PriceForAsync({n});");
                    Line("        await Task.Delay(10);" + Expect(_flavor, "TST1002"));
                    Line("        " + Positive("price"));
                    break;
                case Smell.WallClock:
                    Line("        var placedAt = DateTime.UtcNow;" + Expect(_flavor, "TST1003", "TST1004"));
                    InMemoryPricing(n, q, p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        " + True("placedAt.Year >= 2000 && price > 0m"));
                    break;
                case Smell.MockedDatabase:
                    Line("        var context = new Mock<ShopContext>();" + Expect(_flavor, "TST2001"));
                    Line("        var store = new OrderStore(context.Object);");
                    Line("        " + True("store.IsReady"));
                    break;
                case Smell.InMemoryDatabase:
                    Line($"        var options = new DbContextOptionsBuilder<ShopContext>().UseInMemoryDatabase(\"orders-{n}\").Options;" + Expect(_flavor, "TST2002"));
                    Line("        using var context = new ShopContext(options);");
                    Line("        " + True("new OrderStore(context).IsReady"));
                    break;
                case Smell.MocksWithoutAssertion:
                    ArrangeRepository(n, q, p, verifiable: false);
                    Line("        var pricing = new PricingService(orders, _discounts);");
                    Line($"        pricing.PriceFor({n});");
                    break;
                case Smell.UnverifiedVerifiable:
                    ArrangeRepository(n, q, p, verifiable: true);
                    Line("        var pricing = new PricingService(orders, _discounts);");
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        " + Positive("price"));
                    break;
                case Smell.InteractionOnly:
                    ArrangeRepository(n, q, p, verifiable: false);
                    Line("        var pricing = new PricingService(orders, _discounts);");
                    Line($"        pricing.PriceFor({n});");
                    Line($"        repository.Verify(r => r.Find({n}), Times.Once());");
                    break;
                case Smell.MissingAssertion:
                    InMemoryPricing(n, q, p);
                    Line($"        pricing.PriceFor({n});");
                    break;
                case Smell.Tautology:
                    InMemoryPricing(n, q, p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        " + Equal("price", "price") + Expect(_flavor, "TST3002"));
                    break;
                case Smell.SwallowedException:
                    // The catch swallows the test's own assertion failure: the test can never fail.
                    InMemoryPricing(n, q, p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        try");
                    Line("        {");
                    Line("            " + Positive("price"));
                    Line("        }");
                    Line("        catch (Exception)" + Expect(_flavor, "TST3003"));
                    Line("        {");
                    Line("        }");
                    break;
                case Smell.TryFailCatch:
                    InMemoryPricing(n, q, p);
                    Line("        try");
                    Line("        {");
                    Line("            pricing.PriceFor(-1);");
                    Line("            " + Fail("expected an ArgumentOutOfRangeException"));
                    Line("        }");
                    Line("        catch (ArgumentOutOfRangeException)" + Expect(_flavor, "TST3006"));
                    Line("        {");
                    Line("        }");
                    break;
                case Smell.EmptyTest:
                    Line("        // TODO: price an order with a voucher");
                    break;
                case Smell.UnseededRandom:
                    Line("        var quantity = new Random().Next(1, 5);" + Expect(_flavor, "TST4003"));
                    InMemoryPricing(n, "quantity", p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        " + Positive("price"));
                    break;
                case Smell.ConsoleOutput:
                    InMemoryPricing(n, q, p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        Console.WriteLine(price);" + Expect(_flavor, "TST5002"));
                    Line("        " + Positive("price"));
                    break;
                case Smell.HardCodedPort:
                    Line($"        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, {5000 + (n % 1000)});" + Expect(_flavor, "TST4005"));
                    InMemoryPricing(n, q, p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        GC.KeepAlive(listener);");
                    Line("        " + Positive("price"));
                    break;
                case Smell.FixedSharedPath:
                    InMemoryPricing(n, q, p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), \"prices.txt\");");
                    Line("        System.IO.File.WriteAllText(path, \"priced\");" + Expect(_flavor, "TST4006"));
                    Line("        " + Positive("price"));
                    break;
                case Smell.CultureDependence:
                    InMemoryPricing(n, q, p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        " + Equal("\"12.50\"", "price.ToString(\"F2\")") + Expect(_flavor, "TST4007"));
                    break;
                case Smell.UnawaitedAssertion:
                    InMemoryPricing(n, q, p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        Task.Run(() => AssertPositive(price));" + Expect(_flavor, "TST3005"));
                    Line("        " + Positive("price"));
                    break;
                case Smell.ProcessState:
                    Line($"        Environment.SetEnvironmentVariable(\"SHOP_REGION_{n}\", \"eu\");" + Expect(_flavor, "TST4004"));
                    InMemoryPricing(n, q, p);
                    Line($"        var price = pricing.PriceFor({n});");
                    Line("        " + Positive("price"));
                    break;
                default: // SkipWithoutReason, OrderAttribute: the smell is in the attributes
                    InMemoryPricing(n, q, p);
                    Line($"        var quote = pricing.Quote({n});");
                    Line("        AssertValidQuote(quote);");
                    break;
            }
        }

        /// <summary>Declares <c>orders</c> (an <c>IOrderRepository</c>): a Moq mock in test flavours (<c>repository</c>), a fake otherwise.</summary>
        private void ArrangeRepository(int n, string q, string p, bool verifiable)
        {
            if (HasMocks)
            {
                Line("        var repository = new Mock<IOrderRepository>();");
                Line($"        repository.Setup(r => r.Find({n})).Returns(new Order({n}, {q}, {p})){(verifiable ? ".Verifiable();" + Expect(_flavor, "TST2004") : ";")}");
                Line("        var orders = repository.Object;");
            }
            else
            {
                Line($"        var orders = new InMemoryOrders(new[] {{ new Order({n}, {q}, {p}) }});");
            }
        }

        private void InMemoryPricing(int n, string q, string p)
            => Line($"        var pricing = new PricingService(new InMemoryOrders(new[] {{ new Order({n}, {q}, {p}) }}), _discounts);");

        private void WriteHelpers()
        {
            Line("    private static void AssertValidQuote(Quote quote)");
            Line("    {");
            Line("        AssertPlausible(quote.Total);");
            Line("        " + True("quote.Lines > 0"));
            Line("    }");
            Line();
            Line("    private static void AssertPlausible(decimal price) => AssertPositive(price);");
            Line();
            Line("    private static void AssertPositive(decimal price) => " + True("price > 0m"));
        }

        private string Positive(string value) => _flavor switch
        {
            SuiteFlavor.Xunit => $"{value}.Should().BeGreaterThan(0m);",
            SuiteFlavor.NUnit => $"Assert.That({value}, Is.GreaterThan(0m));",
            SuiteFlavor.MSTest => $"Assert.IsTrue({value} > 0m);",
            _ => $"Check.True({value} > 0m);",
        };

        private string True(string condition) => _flavor switch
        {
            SuiteFlavor.Xunit => $"Assert.True({condition});",
            SuiteFlavor.NUnit => $"Assert.That({condition}, Is.True);",
            SuiteFlavor.MSTest => $"Assert.IsTrue({condition});",
            _ => $"Check.True({condition});",
        };

        private string Equal(string expected, string actual) => _flavor switch
        {
            SuiteFlavor.Xunit => _index % 2 == 0 ? $"{actual}.Should().Be({expected});" : $"Assert.Equal({expected}, {actual});",
            SuiteFlavor.NUnit => $"Assert.That({actual}, Is.EqualTo({expected}));",
            SuiteFlavor.MSTest => $"Assert.AreEqual({expected}, {actual});",
            _ => $"Check.Equal({expected}, {actual});",
        };

        private string Throws(string exception, string call) => _flavor switch
        {
            SuiteFlavor.Xunit or SuiteFlavor.NUnit => $"Assert.Throws<{exception}>(() => {call});",
            SuiteFlavor.MSTest => $"Assert.ThrowsExactly<{exception}>(() => {call});",
            _ => $"Check.Throws<{exception}>(() => {call});",
        };

        private string Fail(string message) => _flavor == SuiteFlavor.Production
            ? $"throw new InvalidOperationException(\"{message}\");"
            : $"Assert.Fail(\"{message}\");";

        private void Line(string text = "") => _sb.Append(text).Append('\n');
    }
}
