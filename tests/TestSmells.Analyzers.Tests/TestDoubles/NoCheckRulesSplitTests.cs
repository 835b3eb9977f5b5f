using System.Linq;
using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.TestDoubles;

/// <summary>
/// TST3001 (no assertion) and TST2003 (mocks but no assertion) split the tests that check nothing:
/// a test that sets up mocks gets TST2003 and never TST3001, any other gets TST3001, and both leave
/// the same tests alone. Checked with every analyzer running, as in a build.
/// </summary>
public class NoCheckRulesSplitTests
{
    public static TheoryData<MockLib, string, string?> Cases()
    {
        var data = new TheoryData<MockLib, string, string?>();
        foreach (var lib in Doubles.AllLibs)
        {
            var create = Doubles.Create(lib, "IOrderRepository");
            var field = lib == MockLib.Moq ? "_mock" : "_double";
            data.Add(lib, $"var repository = {create}; new OrderService({Doubles.Object(lib, "repository")}).Total(1);", "TST2003");
            data.Add(lib, Doubles.Configure(lib, field) + $" new OrderService({Doubles.Object(lib, field)}).Total(1);", "TST2003");
            data.Add(lib, $"new OrderService({Doubles.Object(lib, field)}).Total(1);", "TST3001");
            data.Add(lib, "new OrderService(null!).Total(1);", "TST3001");
            data.Add(lib, $"var repository = {create}; Assert.Equal(0m, new OrderService({Doubles.Object(lib, "repository")}).Total(1));", null);
            data.Add(lib, $"var repository = {create}; AssertValid(new OrderService({Doubles.Object(lib, "repository")}));", null);
            data.Add(lib, $"var repository = {create}; {Doubles.VerifySaved(lib, "repository")}", null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Exactly_one_of_the_two_rules_reports_a_test_that_checks_nothing(MockLib lib, string body, string? expected)
    {
        var field = lib == MockLib.Moq
            ? "private readonly Mock<IOrderRepository> _mock = new Mock<IOrderRepository>();"
            : $"private readonly IOrderRepository _double = {Doubles.Create(lib, "IOrderRepository")};";
        var source = TestSource.Class(Flavor.XunitV2, $$"""
                {{field}}

                [Test]
                public void Works()
                {
                    {{body}}
                }

                private static void AssertValid(OrderService service) => GC.KeepAlive(service);
            """, Doubles.Using(lib)) + Doubles.Domain;
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV2, Doubles.Flag(lib), source);
        var found = (await AllAnalyzers.RunAsync(compilation))
            .Where(d => d.Id is "TST2003" or "TST3001")
            .Select(d => d.Id)
            .ToList();

        Assert.Equal(expected is null ? new string[0] : new[] { expected }, found);
    }

    [Theory]
    [InlineData("[Test, Timeout(1000)]")]
    [InlineData("[Test, Ignore(\"later\")]")]
    [InlineData("[Test, Explicit]")]
    public async Task Both_rules_leave_the_same_tests_alone(string attributes)
    {
        var source = $$"""
            using Moq;
            using NUnit.Framework;

            public class OrderTests
            {
                {{attributes}}
                public void With_a_mock() => new OrderService(Mock.Of<IOrderRepository>()).Total(1);

                {{attributes}}
                public void Without_a_mock() => new OrderService(null!).Total(1);
            }
            """ + Doubles.Domain;
        var compilation = await AllAnalyzers.CompileAsync(Flavor.NUnit4, Libs.Moq, source);
        var diagnostics = await AllAnalyzers.RunAsync(compilation);

        Assert.DoesNotContain(diagnostics, d => d.Id is "TST2003" or "TST3001");
    }
}
