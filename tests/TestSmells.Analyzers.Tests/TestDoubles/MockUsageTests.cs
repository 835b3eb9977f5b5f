using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.TestDoubles;

/// <summary>
/// The shared predicate TST3001 uses to leave mock-setting tests to TST2003:
/// <c>MockUsage.SetsUpMocks(body, model)</c> / <c>MockUsage.FirstMockIn(body, model)</c>.
/// </summary>
public class MockUsageTests
{
    [Theory]
    [InlineData("Creates", "repository")]
    [InlineData("Configures_a_field", "_repository")]
    [InlineData("Passes_an_anonymous_double", "IOrderRepository")]
    [InlineData("Substitutes", "substitute")]
    [InlineData("Fakes", "fake")]
    [InlineData("Configures_a_fake_field", "_fake")]
    [InlineData("Configures_a_substitute_field", "_substitute")]
    [InlineData("Uses_no_double", null)]
    [InlineData("Uses_a_double_made_elsewhere", null)]
    public async Task Names_the_first_double_a_test_body_sets_up(string test, string? expected)
    {
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV3, Libs.Moq | Libs.NSubstitute | Libs.FakeItEasy, """
            using Moq;
            using NSubstitute;
            using FakeItEasy;
            using Xunit;

            public class OrderTests
            {
                private readonly Mock<IOrderRepository> _repository = new Mock<IOrderRepository>();
                private readonly IOrderRepository _fake = A.Fake<IOrderRepository>();
                private readonly IOrderRepository _substitute = Substitute.For<IOrderRepository>();

                [Fact] public void Creates() { var repository = new Mock<IOrderRepository>(); var other = new Mock<IOrderRepository>(); }
                [Fact] public void Configures_a_field() => _repository.Setup(r => r.Find(1)).Returns(new Order());
                [Fact] public void Passes_an_anonymous_double() => new OrderService(Mock.Of<IOrderRepository>()).Total(1);
                [Fact] public void Substitutes() { var substitute = Substitute.For<IOrderRepository>(); }
                [Fact] public void Fakes() { var fake = A.Fake<IOrderRepository>(); }
                [Fact] public void Configures_a_fake_field() => A.CallTo(() => _fake.Find(1)).Returns(new Order());
                [Fact] public void Configures_a_substitute_field() => _substitute.Find(1).Returns(new Order());
                [Fact] public void Uses_no_double() => new OrderService(null!).Total(1);
                [Fact] public void Uses_a_double_made_elsewhere() => new OrderService(_repository.Object).Total(1);
            }
            """ + Doubles.Domain);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var tree = compilation.SyntaxTrees.Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == test);
        var body = semanticModel.GetOperation(method)!;
        var model = TestCodeModel.For(compilation);

        Assert.Equal(expected, MockUsage.FirstMockIn(body, model)?.Name);
        Assert.Equal(expected is not null, MockUsage.SetsUpMocks(body, model));
    }
}
