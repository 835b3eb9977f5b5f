using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.CodeFixes.TestDoubles;
using TestSmells.Analyzers.TestDoubles;
using TestSmells.Analyzers.Tests.Infrastructure;
using FixTST2002 = TestSmells.Analyzers.Tests.Infrastructure.VerifyFix<
    TestSmells.Analyzers.TestDoubles.InMemoryDatabaseAnalyzer,
    TestSmells.Analyzers.CodeFixes.TestDoubles.InMemoryDatabaseCodeFix>;

namespace TestSmells.Analyzers.Tests.TestDoubles;

public class InMemoryDatabaseCodeFixTests
{
    private const Libs BothProviders = Libs.EFCoreInMemory | Libs.EFCoreSqlite;

    private const string Model = """

        public class Order
        {
            public int Id { get; set; }
            public decimal Total { get; set; }
            public int Quantity { get; set; }
        }

        public class ShopContext : DbContext
        {
            public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }
            public DbSet<Order> Orders => Set<Order>();
        }
        """;

    /// <summary>A test that writes through one context and reads through another, on the in-memory provider.</summary>
    private const string SyncTest = """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Xunit;

        public class OrderTests
        {
            [Fact]
            public void Saved_orders_can_be_read_back()
            {
                // Arrange
                var options = new DbContextOptionsBuilder<ShopContext>()
                    {|TST2002:.UseInMemoryDatabase("orders")|}
                    .Options;
                using var context = new ShopContext(options);
                context.Orders.Add(new Order { Total = 5m });

                // Act
                context.SaveChanges();

                // Assert
                using var reader = new ShopContext(options);
                Assert.Equal(5m, reader.Orders.Single().Total);
            }
        }
        """ + Model;

    private const string SyncTestFixed = """
        using System.Linq;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;
        using Xunit;

        public class OrderTests
        {
            [Fact]
            public void Saved_orders_can_be_read_back()
            {
                // Arrange
                using var connection = new SqliteConnection("DataSource=:memory:");
                connection.Open();
                var options = new DbContextOptionsBuilder<ShopContext>()
                    .UseSqlite(connection)
                    .Options;
                using var context = new ShopContext(options);
                context.Database.EnsureCreated();
                context.Orders.Add(new Order { Total = 5m });

                // Act
                context.SaveChanges();

                // Assert
                using var reader = new ShopContext(options);
                Assert.Equal(5m, reader.Orders.Single().Total);
            }
        }
        """ + Model;

    /// <summary>An async test whose context lives in a using statement and whose options are built inline.</summary>
    private const string AsyncTest = """
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Xunit;

        public class OrderTests
        {
            [Fact]
            public async Task Totals_are_summed()
            {
                var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase(System.Guid.NewGuid().ToString())|}.Options;
                using (var context = new ShopContext(options))
                {
                    context.Orders.Add(new Order { Quantity = 2 });
                    context.Orders.Add(new Order { Quantity = 3 });
                    await context.SaveChangesAsync();
                }

                using (var reader = new ShopContext(options))
                {
                    Assert.Equal(5, await reader.Orders.SumAsync(o => o.Quantity));
                }
            }
        }
        """ + Model;

    private const string AsyncTestFixed = """
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;
        using Xunit;

        public class OrderTests
        {
            [Fact]
            public async Task Totals_are_summed()
            {
                using var connection = new SqliteConnection("DataSource=:memory:");
                connection.Open();
                var options = new DbContextOptionsBuilder<ShopContext>().UseSqlite(connection).Options;
                using (var context = new ShopContext(options))
                {
                    context.Database.EnsureCreated();
                    context.Orders.Add(new Order { Quantity = 2 });
                    context.Orders.Add(new Order { Quantity = 3 });
                    await context.SaveChangesAsync();
                }

                using (var reader = new ShopContext(options))
                {
                    Assert.Equal(5, await reader.Orders.SumAsync(o => o.Quantity));
                }
            }
        }
        """ + Model;

    [Fact]
    public Task A_test_moves_to_an_open_SQLite_in_memory_connection_with_its_schema_created()
        => FixTST2002.CodeFixAsync(SyncTest, SyncTestFixed, Flavor.XunitV2, BothProviders, InMemoryDatabaseCodeFix.EquivalenceKey);

    [Fact]
    public Task A_context_in_a_using_statement_gets_EnsureCreated_as_its_first_statement()
        => FixTST2002.CodeFixAsync(AsyncTest, AsyncTestFixed, Flavor.XunitV2, BothProviders, InMemoryDatabaseCodeFix.EquivalenceKey);

    /// <summary>
    /// The proof that the fix works at run time: the fixed tests, compiled against the real EF Core
    /// and SQLite packages, run in this process against SQLite and pass.
    /// </summary>
    [Theory]
    [InlineData(nameof(SyncTestFixed))]
    [InlineData(nameof(AsyncTestFixed))]
    public async Task The_fixed_test_runs_and_passes_against_SQLite(string source)
    {
        var fixedSource = source == nameof(SyncTestFixed) ? SyncTestFixed : AsyncTestFixed;
        var failure = await RunOnlyTestAsync(fixedSource);
        Assert.Null(failure);
    }

    /// <summary>The run-time check can fail: without EnsureCreated the in-memory SQLite database has no tables.</summary>
    [Fact]
    public async Task Without_EnsureCreated_the_same_test_fails_against_SQLite()
    {
        var withoutSchema = SyncTestFixed.Replace("context.Database.EnsureCreated();", string.Empty, StringComparison.Ordinal);
        var failure = await RunOnlyTestAsync(withoutSchema);
        Assert.NotNull(failure);
        Assert.Contains("no such table", failure!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The run-time check can fail: a connection that is closed when the test starts loses the database between contexts.</summary>
    [Fact]
    public async Task Without_an_open_connection_the_same_test_fails_against_SQLite()
    {
        var closed = SyncTestFixed
            .Replace("connection.Open();", string.Empty, StringComparison.Ordinal)
            .Replace(".UseSqlite(connection)", ".UseSqlite(\"DataSource=:memory:\")", StringComparison.Ordinal);
        var failure = await RunOnlyTestAsync(closed);
        Assert.NotNull(failure);
    }

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task The_fix_works_in_every_framework(Flavor flavor)
    {
        var assert = flavor switch
        {
            Flavor.XunitV2 or Flavor.XunitV3 => "Assert.Equal(1, context.Orders.Count());",
            Flavor.NUnit3 or Flavor.NUnit4 => "Assert.That(context.Orders.Count(), Is.EqualTo(1));",
            Flavor.MSTest3 or Flavor.MSTest4 => "Assert.AreEqual(1, context.Orders.Count());",
            _ => "await Assert.That(context.Orders.Count()).IsEqualTo(1);",
        };
        var usings = "using System.Linq;\nusing Microsoft.EntityFrameworkCore;"
            + (flavor == Flavor.TUnit ? "\nusing TUnit.Assertions;\nusing TUnit.Assertions.Extensions;" : string.Empty);
        var source = TestSource.Test(flavor, $$"""
            var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders")|}.Options;
                    using var context = new ShopContext(options);
                    context.Orders.Add(new Order());
                    context.SaveChanges();
                    {{assert}}
            """, extraUsings: usings) + Model;
        var fixedSource = TestSource.Test(flavor, $$"""
            using var connection = new SqliteConnection("DataSource=:memory:");
                    connection.Open();
                    var options = new DbContextOptionsBuilder<ShopContext>().UseSqlite(connection).Options;
                    using var context = new ShopContext(options);
                    context.Database.EnsureCreated();
                    context.Orders.Add(new Order());
                    context.SaveChanges();
                    {{assert}}
            """, extraUsings: usings) + Model;
        // The framework's usings are not sorted, so the new one goes after the last.
        var lastUsing = fixedSource.LastIndexOf("\nusing ", StringComparison.Ordinal);
        var endOfLastUsing = fixedSource.IndexOf('\n', lastUsing + 1);
        fixedSource = fixedSource.Insert(endOfLastUsing + 1, "using Microsoft.Data.Sqlite;\n");
        return FixTST2002.CodeFixAsync(source, fixedSource, flavor, BothProviders, InMemoryDatabaseCodeFix.EquivalenceKey);
    }

    [Fact]
    public Task An_existing_EnsureCreated_is_not_repeated_and_a_taken_name_is_avoided()
        => FixTST2002.CodeFixAsync(
            """
            using System.Linq;
            using Microsoft.EntityFrameworkCore;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Works()
                {
                    var connection = "unused";
                    var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase(connection)|}.Options;
                    using var context = new ShopContext(options);
                    context.Database.EnsureCreated();
                    Assert.Empty(context.Orders);
                }
            }
            """ + Model,
            """
            using System.Linq;
            using Microsoft.Data.Sqlite;
            using Microsoft.EntityFrameworkCore;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Works()
                {
                    var connection = "unused";
                    using var sqliteConnection = new SqliteConnection("DataSource=:memory:");
                    sqliteConnection.Open();
                    var options = new DbContextOptionsBuilder<ShopContext>().UseSqlite(sqliteConnection).Options;
                    using var context = new ShopContext(options);
                    context.Database.EnsureCreated();
                    Assert.Empty(context.Orders);
                }
            }
            """ + Model,
            Flavor.XunitV3,
            BothProviders,
            InMemoryDatabaseCodeFix.EquivalenceKey);

    [Fact]
    public Task Fix_all_fixes_every_test_of_the_document_and_adds_one_using()
        => FixTST2002.CodeFixAsync(
            """
            using System.Linq;
            using Microsoft.EntityFrameworkCore;
            using NUnit.Framework;

            public class OrderTests
            {
                [Test]
                public void First()
                {
                    using var context = new ShopContext(new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("first")|}.Options);
                    Assert.That(context.Orders.Count(), Is.Zero);
                }

                [Test]
                public void Second()
                {
                    using var context = new ShopContext(new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("second")|}.Options);
                    Assert.That(context.Orders.Any(), Is.False);
                }
            }
            """ + Model,
            """
            using System.Linq;
            using Microsoft.Data.Sqlite;
            using Microsoft.EntityFrameworkCore;
            using NUnit.Framework;

            public class OrderTests
            {
                [Test]
                public void First()
                {
                    using var connection = new SqliteConnection("DataSource=:memory:");
                    connection.Open();
                    using var context = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseSqlite(connection).Options);
                    context.Database.EnsureCreated();
                    Assert.That(context.Orders.Count(), Is.Zero);
                }

                [Test]
                public void Second()
                {
                    using var connection = new SqliteConnection("DataSource=:memory:");
                    connection.Open();
                    using var context = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseSqlite(connection).Options);
                    context.Database.EnsureCreated();
                    Assert.That(context.Orders.Any(), Is.False);
                }
            }
            """ + Model,
            Flavor.NUnit4,
            BothProviders,
            InMemoryDatabaseCodeFix.EquivalenceKey);

    [Fact]
    public Task No_fix_without_the_SQLite_provider()
        => FixTST2002.NoFixAsync(
            TestSource.Test(Flavor.XunitV2, """
                var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders")|}.Options;
                using var context = new ShopContext(options);
                Assert.Empty(context.Orders);
                """, extraUsings: "using Microsoft.EntityFrameworkCore;") + Model,
            Flavor.XunitV2,
            Libs.EFCoreInMemory);

    [Theory]
    [InlineData("""
        var root = new Microsoft.EntityFrameworkCore.Storage.InMemoryDatabaseRoot();
        var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders", root)|}.Options;
        using var context = new ShopContext(options);
        Assert.Empty(context.Orders);
        """)]
    [InlineData("""
        var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders", o => o.EnableNullChecks(false))|}.Options;
        using var context = new ShopContext(options);
        Assert.Empty(context.Orders);
        """)]
    [InlineData("""
        var first = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders")|}.Options;
        var second = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders")|}.Options;
        using var context = new ShopContext(first);
        using var reader = new ShopContext(second);
        Assert.Empty(reader.Orders);
        """)]
    [InlineData("""
        var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders")|}.Options;
        var service = new OrderLookup(new ShopContext(options));
        Assert.Null(service.Find(1));
        """)]
    [InlineData("""
        if (DateTimeOffset.MaxValue > DateTimeOffset.MinValue)
        {
            var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders")|}.Options;
            using var context = new ShopContext(options);
            Assert.Empty(context.Orders);
        }
        """)]
    [InlineData("""
        Func<DbContextOptions<ShopContext>> build = () => new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders")|}.Options;
        using var context = new ShopContext(build());
        Assert.Empty(context.Orders);
        """)]
    public Task No_fix_for_shapes_it_cannot_make_work(string body)
        => FixTST2002.NoFixAsync(
            TestSource.Test(Flavor.XunitV2, body, extraUsings: "using Microsoft.EntityFrameworkCore;") + Model + """

            public class OrderLookup
            {
                private readonly ShopContext _context;
                public OrderLookup(ShopContext context) => _context = context;
                public Order? Find(int id) => _context.Orders.Find(id);
            }
            """,
            Flavor.XunitV2,
            BothProviders);

    [Fact]
    public Task No_fix_outside_a_test_method_body()
        => FixTST2002.NoFixAsync(
            """
            using Microsoft.EntityFrameworkCore;
            using Xunit;

            public class OrderTests
            {
                private readonly ShopContext _context;

                public OrderTests()
                {
                    var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders")|}.Options;
                    _context = new ShopContext(options);
                }

                [Fact]
                public void Works() => Assert.Empty(_context.Orders);

                private static ShopContext Create()
                {
                    var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("orders")|}.Options;
                    var context = new ShopContext(options);
                    return context;
                }

                [Fact]
                public void Expression_bodied() => Assert.Empty(new ShopContext(new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("x")|}.Options).Orders);
            }
            """ + Model,
            Flavor.XunitV2,
            BothProviders);

    /// <summary>
    /// Compiles <paramref name="source"/> (an xUnit v2 test class) against the real EF Core, SQLite
    /// and xUnit packages, loads it into this process and runs its only test method. Returns the
    /// exception the test threw, or null when it passed.
    /// </summary>
    private static async Task<Exception?> RunOnlyTestAsync(string source)
    {
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV2, BothProviders, source);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, "The fixed code does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var assembly = Assembly.Load(image.ToArray());
        var testClass = assembly.GetType("OrderTests", throwOnError: true)!;
        var test = testClass.GetMethods().Single(m => m.GetCustomAttributes().Any(a => a.GetType().Name == "FactAttribute"));
        try
        {
            var result = test.Invoke(Activator.CreateInstance(testClass), null);
            if (result is Task task)
            {
                await task;
            }

            return null;
        }
        catch (TargetInvocationException exception)
        {
            return exception.InnerException;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
