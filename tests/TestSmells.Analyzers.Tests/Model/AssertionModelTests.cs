using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Model;

/// <summary>The assertion and verification model, per framework and library, against the real packages.</summary>
public class AssertionModelTests
{
    /// <summary>Compiles a test whose last statement is <paramref name="statement"/> and classifies that statement.</summary>
    private static async Task<AssertionKind> ClassifyLastStatementAsync(
        Flavor flavor, Libs libs, string usings, string statement, string? editorConfig = null, string extraMembers = "")
    {
        var source = TestSource.Class(flavor, $$"""
                [Test]
                public async Task Works()
                {
                    await Task.CompletedTask;
                    {{statement}}
                }
            {{extraMembers}}
            """, usings);
        var compilation = await AllAnalyzers.CompileAsync(flavor, libs, source);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.Text == "Works");
        var last = method.Body!.Statements.Last();
        var operation = compilation.GetSemanticModel(tree).GetOperation(last)!;
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestConfigOptionsProvider(editorConfig));
        return TestCodeModel.For(compilation).Assertions.For(options, tree).AssertionsIn(operation);
    }

    private static AssertionKind Kind(string name) => (AssertionKind)System.Enum.Parse(typeof(AssertionKind), name);

    public static TheoryData<Flavor, Libs, string, string, string> Cases() => new()
    {
        // xUnit v2 and v3
        { Flavor.XunitV2, Libs.None, "", "Assert.Equal(1, 1);", "Outcome" },
        { Flavor.XunitV2, Libs.None, "", "Assert.Throws<FormatException>(() => int.Parse(\"x\"));", "Outcome" },
        { Flavor.XunitV3, Libs.None, "", "Assert.True(true);", "Outcome" },
        { Flavor.XunitV3, Libs.None, "", "Assert.Skip(\"not on this platform\");", "Outcome" },
        // NUnit 3 and 4 (classic asserts moved to NUnit.Framework.Legacy in 4)
        { Flavor.NUnit3, Libs.None, "", "Assert.AreEqual(1, 1);", "Outcome" },
        { Flavor.NUnit3, Libs.None, "", "CollectionAssert.IsEmpty(new int[0]);", "Outcome" },
        { Flavor.NUnit4, Libs.None, "", "Assert.That(1, Is.EqualTo(1));", "Outcome" },
        { Flavor.NUnit4, Libs.None, "using NUnit.Framework.Legacy;", "ClassicAssert.AreEqual(1, 1);", "Outcome" },
        { Flavor.NUnit4, Libs.None, "using NUnit.Framework.Legacy;", "StringAssert.Contains(\"a\", \"abc\");", "Outcome" },
        { Flavor.NUnit4, Libs.None, "", "Assert.Multiple(() => { Assert.That(1, Is.EqualTo(1)); });", "Outcome" },
        { Flavor.NUnit4, Libs.None, "", "using (Assert.EnterMultipleScope()) { }", "Outcome" },
        { Flavor.NUnit4, Libs.None, "", "Assert.Pass();", "Outcome" },
        // MSTest 3 and 4
        { Flavor.MSTest3, Libs.None, "", "Assert.AreEqual(1, 1);", "Outcome" },
        { Flavor.MSTest3, Libs.None, "", "CollectionAssert.AllItemsAreNotNull(new object[0]);", "Outcome" },
        { Flavor.MSTest4, Libs.None, "", "StringAssert.Contains(\"abc\", \"a\");", "Outcome" },
        { Flavor.MSTest4, Libs.None, "", "Assert.IsTrue(true);", "Outcome" },
        // TUnit: only an awaited chain asserts
        { Flavor.TUnit, Libs.None, "using TUnit.Assertions;\nusing TUnit.Assertions.Extensions;", "await Assert.That(1).IsEqualTo(1);", "Outcome" },
        { Flavor.TUnit, Libs.None, "using TUnit.Assertions;\nusing TUnit.Assertions.Extensions;", "_ = Assert.That(1).IsEqualTo(1);", "None" },
        // Fluent assertion libraries: Should() alone asserts nothing
        { Flavor.XunitV2, Libs.FluentAssertions, "using FluentAssertions;", "1.Should().Be(1);", "Outcome" },
        { Flavor.XunitV2, Libs.FluentAssertions, "using FluentAssertions;", "_ = 1.Should();", "None" },
        { Flavor.NUnit4, Libs.AwesomeAssertions, "using AwesomeAssertions;", "\"a\".Should().StartWith(\"a\");", "Outcome" },
        { Flavor.MSTest4, Libs.Shouldly, "using Shouldly;", "1.ShouldBe(1);", "Outcome" },
        { Flavor.MSTest4, Libs.Shouldly, "using Shouldly;", "Should.Throw<Exception>(() => throw new Exception());", "Outcome" },
        // Verifications of interactions
        { Flavor.XunitV2, Libs.Moq, "using Moq;", "new Mock<IDisposable>().Verify(d => d.Dispose(), Times.Once());", "Interaction" },
        { Flavor.XunitV2, Libs.Moq, "using Moq;", "new Mock<IDisposable>().VerifyAll();", "Interaction" },
        { Flavor.XunitV2, Libs.Moq, "using Moq;", "new Mock<IDisposable>().Setup(d => d.Dispose());", "None" },
        { Flavor.NUnit4, Libs.NSubstitute, "using NSubstitute;", "Substitute.For<IDisposable>().Received().Dispose();", "Interaction" },
        { Flavor.NUnit4, Libs.NSubstitute, "using NSubstitute;", "Substitute.For<IDisposable>().DidNotReceive().Dispose();", "Interaction" },
        { Flavor.NUnit4, Libs.NSubstitute, "using NSubstitute;", "Substitute.For<IDisposable>().Dispose();", "None" },
        { Flavor.MSTest3, Libs.FakeItEasy, "using FakeItEasy;", "A.CallTo(() => A.Fake<IDisposable>().Dispose()).MustHaveHappened();", "Interaction" },
        { Flavor.MSTest3, Libs.FakeItEasy, "using FakeItEasy;", "A.CallTo(() => A.Fake<IDisposable>().Dispose()).MustNotHaveHappened();", "Interaction" },
        { Flavor.MSTest3, Libs.FakeItEasy, "using FakeItEasy;", "A.CallTo(() => A.Fake<IDisposable>().Dispose()).DoesNothing();", "None" },
        // An explicit throw fails the test; ordinary calls assert nothing
        { Flavor.XunitV3, Libs.None, "", "if (DateTime.Today.Year < 2000) throw new InvalidOperationException();", "Outcome" },
        { Flavor.XunitV3, Libs.None, "", "Console.WriteLine(\"done\");", "None" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Classifies_each_library(Flavor flavor, Libs libs, string usings, string statement, string expected)
        => Assert.Equal(Kind(expected), await ClassifyLastStatementAsync(flavor, libs, usings, statement));

    private const string Helpers = """
            private static void Level1() => Level2();
            private static void Level2() => Level3();
            private static void Level3() => Assert.True(true);
            private static void PingA(int n) { if (n > 0) PingB(n - 1); }
            private static void PingB(int n) { if (n > 0) PingA(n - 1); }
            private static void LoopA(int n) { if (n > 0) LoopB(n - 1); }
            private static void LoopB(int n) { LoopA(n); Level3(); }
            private static void Verified(Moq.Mock<IDisposable> mock) => mock.Verify(d => d.Dispose());
        """;

    [Theory]
    [InlineData("Level1();", "Outcome")]
    [InlineData("PingA(3);", "None")]
    [InlineData("LoopA(3);", "Outcome")]
    [InlineData("PingA(1); LoopA(1);", "Outcome")]
    [InlineData("Verified(new Moq.Mock<IDisposable>());", "Interaction")]
    public async Task Helpers_of_the_same_compilation_are_followed_through_cycles(string statement, string expected)
        => Assert.Equal(Kind(expected), await ClassifyLastStatementAsync(Flavor.XunitV2, Libs.Moq, "", "{ " + statement + " }", extraMembers: Helpers));

    [Fact]
    public async Task The_answer_for_a_helper_does_not_depend_on_the_order_of_questions()
    {
        // LoopB is asked first through LoopA's cycle, then directly: both must see Level3's assertion.
        Assert.Equal(AssertionKind.Outcome, await ClassifyLastStatementAsync(Flavor.XunitV2, Libs.Moq, "", "{ LoopA(1); LoopB(1); PingB(1); }", extraMembers: Helpers));
        Assert.Equal(AssertionKind.None, await ClassifyLastStatementAsync(Flavor.XunitV2, Libs.Moq, "", "{ PingB(1); PingA(2); }", extraMembers: Helpers));
    }

    [Theory]
    [InlineData("test_smells.assertion_methods = EnsureShipped", "Outcome")]
    [InlineData("test_smells.assertion_methods = Other | OrderChecks.EnsureShipped", "Outcome")]
    [InlineData("test_smells.assertion_methods = Acme.OrderChecks.EnsureShipped", "Outcome")]
    [InlineData("test_smells.assertion_methods = M:Acme.OrderChecks.EnsureShipped(System.Int32)", "Outcome")]
    [InlineData("test_smells.assertion_methods = EnsureDelivered|M:Acme.OrderChecks.EnsureShipped", "None")]
    [InlineData(null, "None")]
    public async Task Users_declare_their_own_assertion_methods_in_editorconfig(string? editorConfig, string expected)
    {
        const string checks = """
            }
            namespace Acme
            {
                public static class OrderChecks { public static void EnsureShipped(int id) { } }
            }
            public class Dummy
            {
            """;
        Assert.Equal(Kind(expected), await ClassifyLastStatementAsync(
            Flavor.NUnit4, Libs.None, "", "Acme.OrderChecks.EnsureShipped(1);", editorConfig, extraMembers: checks));
    }

    [Fact]
    public async Task A_method_marked_with_an_AssertionMethod_attribute_asserts()
    {
        const string members = """
            }
            [AttributeUsage(AttributeTargets.Method)] public sealed class AssertionMethodAttribute : Attribute { }
            public static class Checks
            {
                [AssertionMethod] public static void Valid(object value) { }
            """;
        Assert.Equal(AssertionKind.Outcome, await ClassifyLastStatementAsync(Flavor.MSTest4, Libs.None, "", "Checks.Valid(1);", extraMembers: members));
    }
}
