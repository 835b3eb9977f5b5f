using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.TestDoubles;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST2001 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.TestDoubles.MockedDatabaseAnalyzer>;

namespace TestSmells.Analyzers.Tests.TestDoubles;

public class MockedDatabaseAnalyzerTests
{
    private static string Source(Flavor flavor, MockLib lib, string body, string extraTypes = "")
        => TestSource.Test(flavor, body, extraUsings: Doubles.Usings(lib, flavor, efCore: true)) + Doubles.Domain + Doubles.EfDomain + extraTypes;

    private static Libs LibsFor(MockLib lib) => Doubles.Flag(lib) | Libs.EFCore;

    [Theory]
    [MemberData(nameof(Doubles.FlavorsAndLibs), MemberType = typeof(Doubles))]
    public Task A_double_of_the_DbContext_is_reported_with_its_type(Flavor flavor, MockLib lib)
        => VerifyTST2001.AnalyzerAsync(
            Source(flavor, lib, $$"""
                var context = {|#0:{{Doubles.Create(lib, "ShopContext")}}|};
                GC.KeepAlive(context);
                """),
            flavor,
            LibsFor(lib),
            expected: VerifyTST2001.Diagnostic("TST2001").WithLocation(0).WithArguments("ShopContext"));

    [Theory]
    [InlineData(MockLib.Moq, "new Mock<ShopContext>()")]
    [InlineData(MockLib.Moq, "new Mock<ShopContext>(MockBehavior.Strict)")]
    [InlineData(MockLib.Moq, "Mock.Of<ShopContext>()")]
    [InlineData(MockLib.Moq, "new MockRepository(MockBehavior.Default).Create<ShopContext>()")]
    [InlineData(MockLib.Moq, "new MockRepository(MockBehavior.Default).OneOf<ShopContext>()")]
    [InlineData(MockLib.NSubstitute, "Substitute.For<ShopContext>()")]
    [InlineData(MockLib.NSubstitute, "Substitute.For<IDisposable, IShopContext>()")]
    [InlineData(MockLib.NSubstitute, "Substitute.ForPartsOf<ShopContext>()")]
    [InlineData(MockLib.FakeItEasy, "A.Fake<ShopContext>()")]
    [InlineData(MockLib.FakeItEasy, "A.Fake<ShopContext>(options => options.Strict())")]
    [InlineData(MockLib.FakeItEasy, "new Fake<ShopContext>()")]
    public Task Every_creation_entry_point_is_recognised(MockLib lib, string creation)
        => VerifyTST2001.AnalyzerAsync(
            Source(Flavor.XunitV3, lib, $$"""
                var context = {|TST2001:{{creation}}|};
                GC.KeepAlive(context);
                """),
            Flavor.XunitV3,
            LibsFor(lib));

    [Theory]
    [InlineData("DbSet<Order>")]
    [InlineData("Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade")]
    [InlineData("AuditingShopContext")]
    [InlineData("IShopContext")]
    [InlineData("IReportingContext")]
    public Task Sets_facades_derived_contexts_and_context_interfaces_are_database_types(string type)
    {
        var sources = new[] { MockLib.Moq, MockLib.NSubstitute, MockLib.FakeItEasy };
        return Task.WhenAll(System.Linq.Enumerable.Select(sources, lib => VerifyTST2001.AnalyzerAsync(
            Source(Flavor.NUnit4, lib, $$"""
                var db = {|TST2001:{{Doubles.Create(lib, type)}}|};
                GC.KeepAlive(db);
                """),
            Flavor.NUnit4,
            LibsFor(lib))));
    }

    [Theory]
    [InlineData("System.Data.Common.DbConnection")]
    [InlineData("System.Data.IDbConnection")]
    [InlineData("System.Data.Common.DbCommand")]
    [InlineData("System.Data.IDbCommand")]
    public Task Doubles_of_ADO_NET_connections_and_commands_are_not_reported(string type)
    {
        // Labelled on real suites: opaque connection handles passed through, and data-store libraries
        // checking the commands they build. Not an application mocking its own database.
        var sources = new[] { MockLib.Moq, MockLib.NSubstitute, MockLib.FakeItEasy };
        return Task.WhenAll(System.Linq.Enumerable.Select(sources, lib => VerifyTST2001.AnalyzerAsync(
            Source(Flavor.NUnit4, lib, $$"""
                var db = {{Doubles.Create(lib, type)}};
                GC.KeepAlive(db);
                """),
            Flavor.NUnit4,
            LibsFor(lib))));
    }

    [Fact]
    public Task The_message_names_the_mocked_type()
        => VerifyTST2001.AnalyzerAsync(
            Source(Flavor.MSTest4, MockLib.Moq, """
                var orders = {|#0:new Mock<DbSet<Order>>()|};
                GC.KeepAlive(orders);
                """),
            Flavor.MSTest4,
            LibsFor(MockLib.Moq),
            expected: VerifyTST2001.Diagnostic("TST2001").WithLocation(0).WithArguments("DbSet<Order>"));

    [Fact]
    public Task Entity_Framework_6_contexts_and_sets_are_database_types()
        => VerifyTST2001.AnalyzerAsync(
            TestSource.Test(Flavor.MSTest3, """
                var context = {|TST2001:new Mock<LegacyShopContext>()|};
                var orders = {|TST2001:new Mock<System.Data.Entity.DbSet<Order>>()|};
                var set = {|TST2001:new Mock<System.Data.Entity.IDbSet<Order>>()|};
                var legacy = {|TST2001:new Mock<ILegacyShopContext>()|};
                GC.KeepAlive(context);
                """, extraUsings: "using Moq;") + Doubles.Domain + """

            namespace System.Data.Entity
            {
                public class DbContext { }
                public interface IDbSet<TEntity> where TEntity : class { }
                public class DbSet<TEntity> : IDbSet<TEntity> where TEntity : class { }
            }

            public class LegacyShopContext : System.Data.Entity.DbContext
            {
                public virtual System.Data.Entity.DbSet<Order> Orders { get; set; } = null!;
            }

            public interface ILegacyShopContext
            {
                System.Data.Entity.IDbSet<Order> Orders { get; }
            }
            """,
            Flavor.MSTest3,
            Libs.Moq);

    [Theory]
    [MemberData(nameof(Doubles.Libraries), MemberType = typeof(Doubles))]
    public Task Repositories_and_other_contexts_are_not_database_types(MockLib lib)
        => VerifyTST2001.AnalyzerAsync(
            Source(Flavor.XunitV2, lib, $$"""
                var repository = {{Doubles.Create(lib, "IOrderRepository")}};
                var http = {{Doubles.Create(lib, "Microsoft.AspNetCore.Http.HttpContext")}};
                var accessor = {{Doubles.Create(lib, "Microsoft.AspNetCore.Http.IHttpContextAccessor")}};
                var job = {{Doubles.Create(lib, "Quartz.IJobExecutionContext")}};
                var consume = {{Doubles.Create(lib, "MassTransit.ConsumeContext<Order>")}};
                var queryable = {{Doubles.Create(lib, "IOrderQueries")}};
                var factory = {{Doubles.Create(lib, "IDbContextFactory<ShopContext>")}};
                var sync = {{Doubles.Create(lib, "SynchronizationContext")}};
                GC.KeepAlive(repository);
                """, """

                namespace Microsoft.AspNetCore.Http
                {
                    public abstract class HttpContext { public abstract System.Collections.Generic.IDictionary<object, object?> Items { get; set; } }
                    public interface IHttpContextAccessor { HttpContext? HttpContext { get; set; } }
                }

                namespace Quartz
                {
                    public interface IJobExecutionContext { object? Result { get; set; } }
                }

                namespace MassTransit
                {
                    public interface ConsumeContext<out T> where T : class { T Message { get; } }
                }

                public interface IOrderQueries
                {
                    System.Linq.IQueryable<Order> Orders { get; }
                }
                """),
            Flavor.XunitV2,
            LibsFor(lib));

    [Fact]
    public Task A_double_of_a_database_type_in_a_helper_class_of_the_test_project_is_reported()
        => VerifyTST2001.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV3, "GC.KeepAlive(ContextMocks.Create());", extraUsings: "using Moq;") + Doubles.Domain + Doubles.EfDomain + """

            public static class ContextMocks
            {
                public static ShopContext Create() => {|TST2001:new Mock<ShopContext>()|}.Object;
            }
            """,
            Flavor.XunitV3,
            Libs.Moq | Libs.EFCore);

    [Fact]
    public Task Production_code_is_not_analyzed()
        => VerifyTST2001.AnalyzerAsync(
            """
            using Moq;

            public static class ContextMocks
            {
                public static ShopContext Create() => new Mock<ShopContext>().Object;
            }
            """ + Doubles.Domain + Doubles.EfDomain,
            flavor: null,
            Libs.Moq | Libs.EFCore);

    [Fact]
    public Task A_type_named_like_a_context_outside_EF_and_ADO_is_not_a_database_type()
        => VerifyTST2001.AnalyzerAsync(
            TestSource.Test(Flavor.NUnit3, """
                var context = new Mock<DbContext>();
                var set = new Mock<DbSet<Order>>();
                GC.KeepAlive(context);
                """, extraUsings: "using Moq;") + Doubles.Domain + """

            public class DbContext { }
            public class DbSet<T> { }
            """,
            Flavor.NUnit3,
            Libs.Moq);

    [Theory]
    [InlineData("MockQueryable.Moq", "Mock<Microsoft.EntityFrameworkCore.DbSet<TEntity>>", "Moq", "orders.BuildMockDbSet()")]
    [InlineData("MockQueryable.NSubstitute", "Microsoft.EntityFrameworkCore.DbSet<TEntity>", "NSubstitute", "orders.BuildMockDbSet()")]
    [InlineData("MockQueryable.FakeItEasy", "Microsoft.EntityFrameworkCore.DbSet<TEntity>", "FakeItEasy", "orders.BuildMockDbSet()")]
    public async Task MockQueryable_db_sets_are_reported_and_its_queryables_are_not(string assembly, string returnType, string mockNamespace, string call)
    {
        var test = new CSharpAnalyzerTest<MockedDatabaseAnalyzer, DefaultVerifier>
        {
            TestCode = TestSource.Test(Flavor.XunitV2, $$"""
                var orders = new System.Collections.Generic.List<Order>();
                var set = {|TST2001:{{call}}|};
                var queryable = orders.AsQueryable().BuildMock();
                GC.KeepAlive(set);
                """, extraUsings: $"using System.Linq;\nusing {assembly};") + Doubles.Domain,
            ReferenceAssemblies = References.For(Flavor.XunitV2, Libs.Moq | Libs.NSubstitute | Libs.FakeItEasy | Libs.EFCore),
        };
        test.TestState.AdditionalProjects[assembly].Sources.Add($$"""
            using System.Collections.Generic;
            using System.Linq;
            using {{mockNamespace}};

            namespace {{assembly}}
            {
                public static class MockExtensions
                {
                    public static {{returnType}} BuildMockDbSet<TEntity>(this IEnumerable<TEntity> data) where TEntity : class => throw null!;
                    public static IQueryable<TEntity> BuildMock<TEntity>(this IQueryable<TEntity> data) where TEntity : class => throw null!;
                }
            }
            """);
        test.TestState.AdditionalProjectReferences.Add(assembly);
        await Verify<MockedDatabaseAnalyzer>.RunAsync(test);
    }
}
