using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST2002 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.TestDoubles.InMemoryDatabaseAnalyzer>;

namespace TestSmells.Analyzers.Tests.TestDoubles;

public class InMemoryDatabaseAnalyzerTests
{
    private const string EfUsings = "using System.Linq;\nusing Microsoft.EntityFrameworkCore;";

    private static string Source(Flavor flavor, string body)
        => TestSource.Test(flavor, body, extraUsings: EfUsings) + Doubles.Domain + Doubles.EfDomain;

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task The_in_memory_provider_in_a_test_is_reported_on_the_call(Flavor flavor)
        => VerifyTST2002.AnalyzerAsync(
            Source(flavor, """
                var options = new DbContextOptionsBuilder<ShopContext>()
                    {|#0:.UseInMemoryDatabase("orders")|}
                    .Options;
                using var context = new ShopContext(options);
                GC.KeepAlive(context.Orders.Count());
                """),
            flavor,
            Libs.EFCoreInMemory,
            expected: VerifyTST2002.Diagnostic("TST2002").WithLocation(0).WithArguments("\"orders\""));

    [Theory]
    [MemberData(nameof(Doubles.FlavorsAndLibs), MemberType = typeof(Doubles))]
    public Task Beside_a_mocked_collaborator_the_provider_is_still_reported_once(Flavor flavor, MockLib lib)
        => VerifyTST2002.AnalyzerAsync(
            TestSource.Test(flavor, $$"""
                var repository = {{Doubles.Create(lib, "IOrderRepository")}};
                var options = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase(nameof(OrderTests))|}.Options;
                using var context = new ShopContext(options);
                GC.KeepAlive(repository);
                """, extraUsings: EfUsings + "\n" + Doubles.Using(lib)) + Doubles.Domain + Doubles.EfDomain,
            flavor,
            Libs.EFCoreInMemory | Doubles.Flag(lib));

    [Fact]
    public Task Every_overload_and_the_non_generic_builder_are_reported()
        => VerifyTST2002.AnalyzerAsync(
            Source(Flavor.XunitV3, """
                var root = new Microsoft.EntityFrameworkCore.Storage.InMemoryDatabaseRoot();
                var a = new DbContextOptionsBuilder(){|TST2002:.UseInMemoryDatabase(Guid.NewGuid().ToString())|}.Options;
                var b = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("b", root)|}.Options;
                var c = new DbContextOptionsBuilder<ShopContext>(){|TST2002:.UseInMemoryDatabase("c", o => o.EnableNullChecks(false))|}.Options;
                var d = {|TST2002:InMemoryDbContextOptionsExtensions.UseInMemoryDatabase(new DbContextOptionsBuilder(), "d")|}.Options;
                GC.KeepAlive(a);
                """),
            Flavor.XunitV3,
            Libs.EFCoreInMemory);

    [Fact]
    public Task A_test_host_factory_in_the_test_project_is_reported()
        => VerifyTST2002.AnalyzerAsync(
            TestSource.Test(Flavor.NUnit4, "GC.KeepAlive(new TestServices().Build());", extraUsings: EfUsings) + Doubles.Domain + Doubles.EfDomain + """

            public class TestServices
            {
                public Microsoft.Extensions.DependencyInjection.IServiceCollection Build()
                {
                    var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
                    Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions.AddDbContext<ShopContext>(
                        services, options => options{|TST2002:.UseInMemoryDatabase("tests")|});
                    return services;
                }
            }
            """,
            Flavor.NUnit4,
            Libs.EFCoreInMemory);

    [Fact]
    public Task SQLite_in_memory_and_a_helper_of_the_same_name_that_uses_SQLite_are_not_reported()
        => VerifyTST2002.AnalyzerAsync(
            Source(Flavor.MSTest4, """
                using var connection = new Microsoft.Data.Sqlite.SqliteConnection("DataSource=:memory:");
                connection.Open();
                var a = new DbContextOptionsBuilder<ShopContext>().UseSqlite(connection).Options;
                var b = new DbContextOptionsBuilder<ShopContext>().UseSqlite("DataSource=:memory:").Options;
                var c = new DbContextOptionsBuilder<ShopContext>().UseInMemoryDb().Options;
                var d = new DbContextOptionsBuilder<ShopContext>().UseInMemoryDatabase().Options;
                GC.KeepAlive(a);
                """) + """

            public static class TestDatabase
            {
                public static DbContextOptionsBuilder<T> UseInMemoryDb<T>(this DbContextOptionsBuilder<T> builder) where T : DbContext
                    => builder.UseSqlite("DataSource=:memory:");

                public static DbContextOptionsBuilder<T> UseInMemoryDatabase<T>(this DbContextOptionsBuilder<T> builder) where T : DbContext
                    => builder.UseSqlite("DataSource=:memory:");
            }
            """,
            Flavor.MSTest4,
            Libs.EFCoreInMemory | Libs.EFCoreSqlite);

    [Fact]
    public Task A_project_without_the_in_memory_provider_costs_nothing_and_reports_nothing()
        => VerifyTST2002.AnalyzerAsync(
            Source(Flavor.TUnit, """
                var options = new DbContextOptionsBuilder<ShopContext>().UseInMemoryDatabase("orders").Options;
                GC.KeepAlive(options);
                """) + """

            public static class Lookalike
            {
                public static DbContextOptionsBuilder<T> UseInMemoryDatabase<T>(this DbContextOptionsBuilder<T> builder, string name) where T : DbContext => builder;
            }
            """,
            Flavor.TUnit,
            Libs.EFCore);

    [Fact]
    public Task Production_code_is_not_analyzed()
        => VerifyTST2002.AnalyzerAsync(
            """
            using Microsoft.EntityFrameworkCore;

            public static class DevDatabase
            {
                public static DbContextOptions<ShopContext> Options() => new DbContextOptionsBuilder<ShopContext>().UseInMemoryDatabase("dev").Options;
            }
            """ + Doubles.Domain + Doubles.EfDomain,
            flavor: null,
            Libs.EFCoreInMemory);
}
