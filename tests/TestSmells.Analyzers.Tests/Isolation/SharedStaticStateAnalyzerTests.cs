using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST4001 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Isolation.SharedStaticStateAnalyzer>;

namespace TestSmells.Analyzers.Tests.Isolation;

public class SharedStaticStateAnalyzerTests
{
    private const string CollectionUsings = "using System.Collections.Generic;\nusing System.Collections.Concurrent;";

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Static_fields_and_auto_properties_that_are_not_read_only_are_reported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private static int {|TST4001:_created|};
                    internal static string LastCustomer = "none";
                    {|TST4001:public static DateTime? LastRun { get; set; }|}
                    {|TST4001:public static int Attempts { get; private set; }|}

                    [Test]
                    public void Creates_an_order()
                    {
                        _created++;
                        LastRun = DateTime.UnixEpoch;
                        Attempts += 1;
                        GC.KeepAlive(LastCustomer);
                    }
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Writes_hidden_in_parentheses_deconstructions_ref_arguments_and_mutator_calls_are_seen(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private static int {|TST4001:_first|};
                    private static int {|TST4001:_second|};
                    private static int {|TST4001:_calls|};
                    private static int {|TST4001:_wrapped|};
                    private static readonly int[] {|TST4001:Slots = new int[4]|};
                    private static readonly List<string> {|TST4001:Names = new()|};

                    [Test]
                    public void Writes_shared_values()
                    {
                        (_first, _second) = (1, 2);
                        System.Threading.Interlocked.Increment(ref _calls);
                        (_wrapped) = 3;
                        Array.Clear(Slots, 0, 1);
                        Names?.Add("ada");
                        (Names!).Add("bob");
                    }
                """, CollectionUsings),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Reads_in_every_position_leave_a_private_static_unreported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private static int _limit = 3;
                    private static readonly List<string> Names = new() { "ada" };

                    [Test]
                    public void Reads_shared_values()
                    {
                        var (a, b) = (_limit, Names.Count);
                        var copy = new List<string>(Names);
                        var sorted = Names.OrderBy(n => n).ToList();
                        var first = Names[0];
                        var limit = (_limit) + (_limit > 2 ? 1 : 0);
                        GC.KeepAlive(a + b + copy.Count + sorted.Count + first + limit + Names.Contains("ada").ToString());
                    }
                """, CollectionUsings + "\nusing System.Linq;"),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Private_static_values_that_nothing_reassigns_are_not_reported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private static string Customer = "ada";
                    private static IEnumerable<string> Names = new[] { "ada", "bob" };
                    private static TimeSpan Step = TimeSpan.FromHours(1);
                    public static int Attempts { get; private set; } = 3;

                    [Test]
                    public void Reads_shared_values() => GC.KeepAlive(Customer + Names.Count() + Step + Attempts);
                """, CollectionUsings + "\nusing System.Linq;"),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Lazily_initialized_statics_are_not_reported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private static string? _schema;
                    private static object? _server;
                    private static object? _client;
                    private static string Schema => _schema ??= "orders";

                    private static object Server()
                    {
                        if (_server == null)
                        {
                            _server = new object();
                        }

                        return _server;
                    }

                    [Test]
                    public void Uses_the_shared_server()
                    {
                        if (_client is null) _client = new object();
                        GC.KeepAlive(Schema + Server() + _client);
                    }
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_lazy_static_that_a_test_also_resets_is_reported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private static object? {|TST4001:_server|};

                    [Test]
                    public void Uses_the_shared_server()
                    {
                        _server ??= new object();
                        GC.KeepAlive(_server);
                    }

                    [Test]
                    public void Resets_the_shared_server()
                    {
                        if (_server != null)
                        {
                            GC.KeepAlive(_server);
                        }
                        else
                        {
                            _server = new object();
                        }

                        _server = null;
                    }
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Public_statics_that_nothing_writes_and_values_set_in_the_static_constructor_are_not_reported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    public static string Incident = "outage";
                    public static TimeSpan Step { get; set; } = TimeSpan.FromHours(1);
                    public static string Version { get; private set; }

                    static OrderTests()
                    {
                        Version = "1.0";
                    }

                    [Test]
                    public void Reads_shared_values() => GC.KeepAlive(Incident + Step + Version);
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_run_once_flag_is_not_reported_but_one_that_tests_clear_is(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private static bool _seeded;
                    private static bool {|TST4001:_invoked|};

                    private static void Seed()
                    {
                        if (_seeded) return;
                        _seeded = true;
                    }

                    [Test]
                    public void Runs_the_job()
                    {
                        Seed();
                        _invoked = false;
                        _invoked = true;
                    }
                """),
            flavor);

    [Theory]
    [InlineData(Flavor.NUnit4, "[SetUp]")]
    [InlineData(Flavor.MSTest4, "[TestInitialize]")]
    [InlineData(Flavor.TUnit, "[Before(HookType.Test)]")]
    public Task A_static_assigned_afresh_before_every_test_is_not_reported(Flavor flavor, string hook)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                    private static SemaphoreSlim _jobStarted = new(0);
                    private static bool _finished;

                    {{hook}}
                    public void Reset()
                    {
                        _jobStarted = new SemaphoreSlim(0);
                        _finished = false;
                    }

                    [Test]
                    public void Runs_the_job()
                    {
                        _jobStarted.Release();
                        _finished = true;
                    }
                """),
            flavor);

    [Fact]
    public Task An_xunit_static_assigned_in_the_constructor_is_not_reported()
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                    private static int _calls;

                    public OrderTests() => _calls = 0;

                    [Test]
                    public void Counts() => _calls++;
                """),
            Flavor.XunitV2);

    [Fact]
    public Task A_static_written_by_a_nested_type_is_reported()
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                    private static bool {|TST4001:_invoked|};
                    private static readonly List<string> {|TST4001:Calls = new()|};

                    [Test]
                    public void Runs_the_job()
                    {
                        _invoked = false;
                        new Job().Run();
                        Assert.True(_invoked);
                    }

                    private sealed class Job
                    {
                        public void Run()
                        {
                            _invoked = true;
                            Calls.Add("run");
                        }
                    }
                """, CollectionUsings),
            Flavor.XunitV2);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Read_only_collections_that_tests_modify_are_reported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private static readonly List<string> {|TST4001:Orders = new()|};
                    private static readonly Dictionary<string, int> {|TST4001:Stock = new() { ["apple"] = 3 }|};
                    private static readonly int[] {|TST4001:Slots = new int[4]|};
                    private static readonly HashSet<int> {|TST4001:Seen = new()|};
                    private static readonly ConcurrentDictionary<int, string> {|TST4001:Names = new()|};
                    private static readonly Queue<int> {|TST4001:Pending = new()|};
                    {|TST4001:private static List<int> Totals { get; } = new();|}

                    [Test]
                    public void Creates_an_order()
                    {
                        Orders.Add("first");
                        Stock["apple"] = 2;
                        Slots[0] = 1;
                        Seen.Add(1);
                        Names.TryAdd(1, "one");
                        Pending.Enqueue(4);
                        Totals.Clear();
                    }
                """, CollectionUsings),
            flavor);

    [Fact]
    public Task Other_mutations_of_read_only_collections_are_reported()
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, """
                    private static readonly int[] {|TST4001:Prices = { 3, 1, 2 }|};
                    private static readonly int[] {|TST4001:Copy = new int[3]|};
                    private static readonly Dictionary<string, int> {|TST4001:Counts = new()|};
                    private static readonly List<int> {|TST4001:Log = new()|};
                    private static readonly int[] {|TST4001:Zeroed = new int[2]|};

                    [Fact]
                    public void Sorts()
                    {
                        Array.Sort(Prices);
                        Array.Copy(Prices, Copy, 3);
                        Counts["a"] += 1;
                        Log.Insert(0, 1);
                        Zeroed[1]++;
                        Counts.Remove("a", out _);
                    }
                """, CollectionUsings),
            Flavor.XunitV3);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Constants_and_read_only_values_are_not_reported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private const int MaxItems = 3;
                    private static readonly string Customer = "ada";
                    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
                    private static readonly ImmutableArray<int> Sizes = ImmutableArray.Create(1, 2);
                    private static readonly ImmutableDictionary<string, int> Prices = ImmutableDictionary<string, int>.Empty;
                    private static readonly IReadOnlyList<int> Limits = new List<int> { 1 };
                    private static readonly Money Price = new(10m);
                    private static readonly List<string> Known = new() { "ada" };
                    private static readonly int[] Primes = { 2, 3, 5 };
                    private static readonly Dictionary<string, int> Stock = new();
                    private static Dictionary<string, int> Lookup => new();
                    private static readonly object Gate = new();

                    static OrderTests()
                    {
                        Stock.Add("apple", 3);
                    }

                    [Test]
                    public void Reads_shared_values()
                    {
                        var reversed = Primes.Reverse().ToArray();
                        lock (Gate)
                        {
                            GC.KeepAlive(MaxItems + Customer + Timeout + Sizes.Length + Prices.Count + Limits.Count + Price.Amount
                                + Known.Count + Known.Contains("ada").ToString() + Primes[0] + Stock["apple"] + reversed.Length);
                        }

                        Lookup.Add("x", 1);
                        foreach (var name in Known) GC.KeepAlive(name);
                    }

                    private sealed record Money(decimal Amount);
                """, CollectionUsings + "\nusing System.Collections.Immutable;\nusing System.Linq;"),
            flavor);

    [Fact]
    public Task Xunit_data_sources_are_not_reported()
        => VerifyTST4001.AnalyzerAsync(
            """
            using System.Collections.Generic;
            using Xunit;

            public class PricingTests
            {
                public static TheoryData<int> Quantities = new() { 1, 2 };
                public static IEnumerable<object[]> Prices { get; set; } = new[] { new object[] { 1m } };

                [Theory]
                [MemberData(nameof(Quantities))]
                public void Quantity(int quantity) => Assert.True(quantity > 0);

                [Theory]
                [MemberData("Prices")]
                public void Price(decimal price) => Assert.True(price > 0);
            }
            """,
            Flavor.XunitV3);

    [Theory]
    [InlineData(Flavor.NUnit3)]
    [InlineData(Flavor.NUnit4)]
    public Task NUnit_data_sources_are_not_reported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            """
            using NUnit.Framework;

            [TestFixtureSource(nameof(Currencies))]
            public class PricingTests
            {
                public static string[] Currencies = { "EUR", "USD" };
                private static object[] Cases = { new object[] { 1 } };
                private static int[] Quantities = { 1, 2 };

                public PricingTests(string currency) { }

                [TestCaseSource(nameof(Cases))]
                public void Price(int price) => Assert.That(price, Is.Positive);

                [Test]
                public void Quantity([ValueSource(nameof(Quantities))] int quantity) => Assert.That(quantity, Is.Positive);
            }
            """,
            flavor);

    [Fact]
    public Task TUnit_data_sources_are_not_reported()
        => VerifyTST4001.AnalyzerAsync(
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using TUnit.Core;

            public class PricingTests
            {
                public static int[] Quantities = { 1, 2 };
                public static IEnumerable<int> Prices { get; set; } = new[] { 3 };

                [Test]
                [MethodDataSource(nameof(Quantities))]
                public Task Quantity(int quantity) => Task.FromResult(quantity);

                [Test]
                [MethodDataSource(typeof(PricingTests), nameof(Prices))]
                public Task Price(int price) => Task.FromResult(price);
            }
            """,
            Flavor.TUnit);

    [Theory]
    [InlineData(Flavor.MSTest3)]
    [InlineData(Flavor.MSTest4)]
    public Task MSTest_data_sources_and_class_initialize_fixtures_are_not_reported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            """
            using System.Collections.Generic;
            using System.Net.Http;
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass]
            public class PricingTests
            {
                private static HttpClient? _client;
                public static TestContext? Context { get; set; }
                private static string? _baseUrl;
                public static IEnumerable<object[]> Prices { get; set; } = new[] { new object[] { 1 } };

                [AssemblyInitialize]
                public static void Start(TestContext context) => _baseUrl = "http://localhost";

                [ClassInitialize]
                public static void Init(TestContext context)
                {
                    Context = context;
                    _client = new HttpClient();
                }

                [ClassCleanup]
                public static void Cleanup()
                {
                    _client?.Dispose();
                    _client = null;
                }

                [TestMethod]
                [DynamicData(nameof(Prices))]
                public void Price(int price) => Assert.IsTrue(price > 0 && _client is not null && _baseUrl is not null && Context is not null);
            }
            """,
            flavor);

    [Fact]
    public Task A_class_initialize_fixture_that_a_test_also_assigns_is_reported()
        => VerifyTST4001.AnalyzerAsync(
            """
            using System.Collections.Generic;
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass]
            public class PricingTests
            {
                private static string? {|TST4001:_currency|};
                private static List<int>? {|TST4001:_prices|};

                [ClassInitialize]
                public static void Init(TestContext context)
                {
                    _currency = "EUR";
                    _prices = new List<int>();
                }

                [TestMethod]
                public void Switches_currency()
                {
                    _currency = "USD";
                    _prices!.Add(1);
                    Assert.IsNotNull(_currency);
                }
            }
            """,
            Flavor.MSTest4);

    [Theory]
    [InlineData(Flavor.NUnit3)]
    [InlineData(Flavor.NUnit4)]
    public Task NUnit_one_time_setup_fixtures_are_not_reported(Flavor flavor)
        => VerifyTST4001.AnalyzerAsync(
            """
            using System.Collections.Generic;
            using NUnit.Framework;

            public class PricingTests
            {
                private static Dictionary<string, decimal>? _rates;
                private static readonly List<string> Currencies = new();

                [OneTimeSetUp]
                public void LoadRates()
                {
                    _rates = new Dictionary<string, decimal> { ["EUR"] = 1m };
                    Currencies.Add("EUR");
                }

                [OneTimeTearDown]
                public static void Forget() => _rates = null;

                [Test]
                public void Converts() => Assert.That(_rates!["EUR"] + Currencies.Count, Is.EqualTo(2m));
            }
            """,
            flavor);

    [Fact]
    public Task TUnit_class_hooks_are_one_time_but_test_hooks_are_not()
        => VerifyTST4001.AnalyzerAsync(
            """
            using System.Threading.Tasks;
            using TUnit.Core;

            public class PricingTests
            {
                private static string? _server;
                private static int {|TST4001:_runs|};

                [Before(HookType.Class)]
                public static Task StartServer()
                {
                    _server = "http://localhost";
                    return Task.CompletedTask;
                }

                [After(HookType.Assembly)]
                public static void StopServer() => _server = null;

                [Before(HookType.Test)]
                public void CountRun() => _runs = _runs + 1;

                [Test]
                public Task Converts() => Task.FromResult(_server);
            }
            """,
            Flavor.TUnit);

    [Fact]
    public Task Per_thread_and_per_flow_state_is_not_reported()
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                    private static ThreadLocal<int> _local = new(() => 0);
                    private static readonly AsyncLocal<string?> Flow = new();
                    [ThreadStatic] private static int _perThread;

                    [Test]
                    public void Counts()
                    {
                        _local.Value++;
                        Flow.Value = "ada";
                        _perThread++;
                        _local = new ThreadLocal<int>();
                    }
                """),
            Flavor.XunitV2);

    [Fact]
    public Task A_memoizing_cache_is_not_reported()
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, """
                    private static readonly ConcurrentDictionary<string, string> Fixtures = new();

                    [Test]
                    public void Loads() => GC.KeepAlive(Fixtures.GetOrAdd("orders.json", name => name.ToUpperInvariant()));
                """, CollectionUsings),
            Flavor.XunitV3);

    [Fact]
    public Task Static_state_of_nested_fakes_and_of_production_classes_is_not_reported()
        => VerifyTST4001.AnalyzerAsync(
            """
            using System.Collections.Generic;
            using Xunit;

            public class OrderRegistry
            {
                public static int Created;
                public static readonly List<string> Names = new();
                public void Create(string name) { Created++; Names.Add(name); }
            }

            public class OrderTests
            {
                private sealed class FakeClock
                {
                    public static int Calls;
                    public static readonly List<int> Ticks = new();
                    public void Tick() { Calls++; Ticks.Add(Calls); }
                }

                [Fact]
                public void Creates() => new OrderRegistry().Create("a");
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task Static_state_of_a_base_class_of_tests_is_reported()
        => VerifyTST4001.AnalyzerAsync(
            """
            using Xunit;

            public abstract class DatabaseTest
            {
                protected static string? {|TST4001:ConnectionString|};
                protected static int {|TST4001:Counter|};
            }

            public class OrderTests : DatabaseTest
            {
                [Fact]
                public void Creates() => Assert.Null(ConnectionString);
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task A_compilation_without_a_test_framework_is_not_analyzed()
        => VerifyTST4001.AnalyzerAsync(
            """
            using System.Collections.Generic;

            public class OrderTests
            {
                private static int _created;
                private static readonly List<int> Ids = new();
                public void Works() { _created++; Ids.Add(_created); }
            }
            """,
            flavor: null);

    [Fact]
    public Task The_message_names_the_member_and_what_is_wrong()
        => VerifyTST4001.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                    private static int {|#0:_created|};
                    private static readonly List<int> {|#1:Ids = new()|};
                    {|#2:public static string? Name { get; set; }|}

                    [Test]
                    public void Creates() => Ids.Add(_created++ + (Name = "x").Length);
                """, CollectionUsings),
            Flavor.NUnit4,
            expected: new[]
            {
                VerifyTST4001.Diagnostic("TST4001").WithLocation(0).WithArguments("field", "_created", "is not read-only"),
                VerifyTST4001.Diagnostic("TST4001").WithLocation(1).WithArguments("field", "Ids", "is a collection that tests modify"),
                VerifyTST4001.Diagnostic("TST4001").WithLocation(2).WithArguments("property", "Name", "is not read-only"),
            });
}
