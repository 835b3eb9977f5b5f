using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.Assertions;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST3001 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Assertions.MissingAssertionAnalyzer>;

namespace TestSmells.Analyzers.Tests.Assertions;

public class MissingAssertionAnalyzerTests
{
    private const string Sut = """

            public sealed class Order
            {
                public decimal Total { get; private set; }
                public void Add(decimal price) => Total += price;
                public Task SubmitAsync() => Task.CompletedTask;
            }
        """;

    /// <summary>A test class whose single test is named Works (marked up for TST3001) and has <paramref name="body"/>.</summary>
    private static string Reported(Flavor flavor, string body, bool isAsync = false)
        => TestSource.Class(flavor, $$"""
                [Test]
                public {{(isAsync ? "async Task" : "void")}} {|TST3001:Works|}()
                {
                    {{body}}
                }
            {{Sut}}
            """);

    private static string Test(Flavor flavor, string body, bool isAsync = false, string extraUsings = "")
        => TestSource.Class(flavor, $$"""
                [Test]
                public {{(isAsync ? "async Task" : "void")}} Works()
                {
                    {{body}}
                }
            {{Sut}}
            """, extraUsings);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_test_that_only_runs_code_is_reported(Flavor flavor)
        => VerifyTST3001.AnalyzerAsync(Reported(flavor, "var order = new Order();\n        order.Add(10m);"), flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task An_async_test_that_only_awaits_is_reported(Flavor flavor)
        => VerifyTST3001.AnalyzerAsync(Reported(flavor, "await new Order().SubmitAsync();", isAsync: true), flavor);

    [Fact]
    public Task Expression_bodied_tests_and_theories_are_reported()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                [Fact]
                public void {|TST3001:Adds|}() => new Order().Add(1m);

                [Theory]
                [InlineData(2)]
                public void {|TST3001:AddsMany|}(int count) { for (var i = 0; i < count; i++) new Order().Add(1m); }
            """ + Sut),
            Flavor.XunitV2);

    [Fact]
    public Task The_message_names_the_test()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                [Test]
                public void {|#0:Adds|}() => new Order().Add(1m);
            """ + Sut),
            Flavor.NUnit4,
            expected: VerifyTST3001.Diagnostic("TST3001").WithLocation(0).WithArguments("Adds").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info));

    public static TheoryData<Flavor, string> AssertingBodies() => new()
    {
        { Flavor.XunitV2, "Assert.Equal(1m, Total());" },
        { Flavor.XunitV2, "Assert.Throws<InvalidOperationException>(() => Act());" },
        { Flavor.XunitV2, "var ex = Record.Exception(() => Act()); Assert.Null(ex);" },
        { Flavor.XunitV2, "Assert.Fail(\"not written yet\");" },
        { Flavor.XunitV3, "Assert.Equal(1m, Total());" },
        { Flavor.XunitV3, "Assert.Skip(\"needs a database\");" },
        { Flavor.XunitV3, "Assert.SkipUnless(Environment.Is64BitProcess, \"64-bit only\"); Act();" },
        { Flavor.XunitV3, "Assert.Multiple(() => Assert.True(Total() > 0), () => Assert.NotEqual(0m, Total()));" },
        { Flavor.NUnit3, "Assert.AreEqual(1m, Total());" },
        { Flavor.NUnit3, "Assert.That(Total(), Is.EqualTo(1m));" },
        { Flavor.NUnit3, "Assert.Multiple(() => { Assert.That(Total(), Is.Positive); });" },
        { Flavor.NUnit3, "CollectionAssert.IsNotEmpty(new[] { Total() });" },
        { Flavor.NUnit3, "StringAssert.Contains(\"1\", Total().ToString());" },
        { Flavor.NUnit3, "Act(); Assert.Pass();" },
        { Flavor.NUnit3, "Assert.Ignore(\"later\");" },
        { Flavor.NUnit3, "Assert.Inconclusive(\"no data\");" },
        { Flavor.NUnit3, "Assume.That(Environment.Is64BitProcess); Act();" },
        { Flavor.NUnit4, "ClassicAssert.AreEqual(1m, Total());" },
        { Flavor.NUnit4, "using (Assert.EnterMultipleScope()) { Assert.That(Total(), Is.EqualTo(1m)); }" },
        { Flavor.NUnit4, "Assert.That(() => Act(), Throws.InvalidOperationException);" },
        { Flavor.MSTest3, "Assert.AreEqual(1m, Total());" },
        { Flavor.MSTest3, "Assert.ThrowsException<InvalidOperationException>(() => Act());" },
        { Flavor.MSTest3, "Assert.Inconclusive(\"no data\");" },
        { Flavor.MSTest3, "CollectionAssert.Contains(new[] { Total() }, 1m);" },
        { Flavor.MSTest4, "Assert.AreEqual(1m, Total());" },
        { Flavor.MSTest4, "Assert.ThrowsExactly<InvalidOperationException>(() => Act());" },
        { Flavor.MSTest4, "StringAssert.StartsWith(Total().ToString(), \"1\");" },
        { Flavor.TUnit, "Assert.Throws<InvalidOperationException>(() => Act());" },
        { Flavor.TUnit, "Assert.Fail(\"not written yet\");" },
        { Flavor.TUnit, "Assert.NotNull(Total().ToString());" },
        { Flavor.TUnit, "Skip.Test(\"needs a database\");" },
    };

    /// <summary>The usings an assertion of the flavour needs on top of the framework's own.</summary>
    private static string AssertionUsings(Flavor flavor) => flavor switch
    {
        Flavor.TUnit => "using TUnit.Assertions;\nusing TUnit.Assertions.Extensions;",
        Flavor.NUnit4 => "using NUnit.Framework.Legacy;",
        _ => string.Empty,
    };

    [Theory]
    [MemberData(nameof(AssertingBodies))]
    public Task A_test_with_an_assertion_of_its_framework_is_not_reported(Flavor flavor, string body)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                [Test]
                public void Works()
                {
                    {{body}}
                }

                private static decimal Total() => 1m;

                private static void Act() => throw new InvalidOperationException();
            """, AssertionUsings(flavor)),
            flavor);

    [Theory]
    [InlineData("await Assert.That(1 + 1).IsEqualTo(2);")]
    [InlineData("await Assert.That(new[] { 1 }).Contains(1);")]
    [InlineData("await Assert.ThrowsAsync<InvalidOperationException>(() => Task.FromException(new InvalidOperationException()));")]
    [InlineData("using (Assert.Multiple()) { await Assert.That(1).IsGreaterThan(0); }")]
    public Task TUnit_awaited_assertions_count(string body)
        => VerifyTST3001.AnalyzerAsync(Test(Flavor.TUnit, body, isAsync: true, AssertionUsings(Flavor.TUnit)), Flavor.TUnit);

    [Fact]
    public Task A_TUnit_assertion_that_is_not_awaited_never_runs_and_is_reported()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.TUnit, """
                [Test]
                public void {|TST3001:Works|}()
                {
                    _ = Assert.That(1 + 1).IsEqualTo(2);
                }
            """, AssertionUsings(Flavor.TUnit)),
            Flavor.TUnit);

    [Theory]
    [InlineData(Libs.FluentAssertions, "using FluentAssertions;")]
    [InlineData(Libs.AwesomeAssertions, "using AwesomeAssertions;")]
    public Task Fluent_assertion_chains_count_and_a_bare_Should_does_not(Libs libs, string usings)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, """
                [Test]
                public void Asserts() => (1 + 1).Should().Be(2);

                [Test]
                public void AssertsThrows()
                {
                    Action act = () => throw new InvalidOperationException();
                    act.Should().Throw<InvalidOperationException>();
                }

                [Test]
                public void {|TST3001:OnlyStartsTheChain|}()
                {
                    _ = (1 + 1).Should();
                }
            """, usings),
            Flavor.XunitV3,
            libs);

    [Fact]
    public Task Shouldly_assertions_count()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                [Test]
                public void Asserts() => (1 + 1).ShouldBe(2);

                [Test]
                public void AssertsThrows() => Should.Throw<InvalidOperationException>(() => throw new InvalidOperationException());
            """, "using Shouldly;"),
            Flavor.NUnit4,
            Libs.Shouldly);

    [Fact]
    public Task NFluent_checks_count()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                [Test]
                public void Asserts() => Check.That(1 + 1).IsEqualTo(2);
            """, "using NFluent;") + """

            namespace NFluent
            {
                public interface ICheck<T> { void IsEqualTo(T expected); }
                public static class Check { public static ICheck<T> That<T>(T value) => null!; }
            }
            """,
            Flavor.XunitV2);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Helpers_of_a_generic_base_class_are_followed(Flavor flavor)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
            }

            public sealed class Request { }

            {{TestSource.ClassAttribute(flavor)}}public class ClientTests : ClientBase<Request>
            {
                [Test]
                public void Works() => Execute(new Request());

                [Test]
                public void WorksTyped() => Execute<string>(new Request());

                [Test]
                public void {|TST3001:Sends|}() => Send(new Request());
            }

            public abstract class ClientBase<T>
            {
                protected void Execute(T request) => Status(Send(request));
                protected TResponse Execute<TResponse>(T request) { Status(Send(request)); return default!; }
                protected int Send(T request) => 200;
                private static void Status(int code) { if (code != 200) throw new InvalidOperationException("status " + code); }
            """),
            flavor);

    private const string SharedBase = """
        namespace Shared.Testing
        {
            public abstract class ApiTestBase
            {
                protected void Get(string path) { }
                protected static void Post(string path) { }
            }

            public sealed class ApiClient
            {
                public void Get(string path) { }
            }
        }
        """;

    /// <summary>A test class deriving from a base class of another assembly (a shared test project).</summary>
    private static CSharpAnalyzerTest<MissingAssertionAnalyzer, DefaultVerifier> WithSharedBase(Flavor flavor, string members, string assembly = "Shared.Web")
    {
        var test = new CSharpAnalyzerTest<MissingAssertionAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = References.For(flavor),
            TestCode = TestSource.Class(flavor, $$"""
            }

            {{TestSource.ClassAttribute(flavor)}}public class OrdersApiTests : Shared.Testing.ApiTestBase
            {
                private readonly Shared.Testing.ApiClient _client = new Shared.Testing.ApiClient();

            {{members}}
            """),
        };
        test.TestState.AdditionalReferences.AddRange(References.Additional(flavor));
        test.TestState.AdditionalProjects[assembly].Sources.Add(("/1/ApiTestBase.cs", SharedBase));
        test.TestState.AdditionalProjectReferences.Add(assembly);
        return test;
    }

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Methods_inherited_from_a_base_class_of_another_assembly_may_assert(Flavor flavor)
        => VerifyTST3001.RunAsync(WithSharedBase(flavor, """
                [Test]
                public void Lists() => Get("/orders");

                [Test]
                public void Creates() => Post("/orders");

                [Test]
                public void ListsThroughHelper() => List();

                [Test]
                public void {|TST3001:ListsWithAClient|}() => _client.Get("/orders");

                private void List() => base.Get("/orders");
            """));

    [Theory]
    [InlineData(Flavor.XunitV2, "NuGetGallery.FunctionalTests.Core")]
    [InlineData(Flavor.NUnit4, "Shared.Testing")]
    [InlineData(Flavor.MSTest4, "TestUtilities")]
    [InlineData(Flavor.TUnit, "Acme.Tests.Common")]
    public Task Helpers_of_a_test_support_assembly_may_assert(Flavor flavor, string assembly)
        => VerifyTST3001.RunAsync(WithSharedBase(
            flavor,
            """
                [Test]
                public void ListsWithAClient() => _client.Get("/orders");

                [Test]
                public void ListsThroughHelper() => List();

                [Test]
                public void {|TST3001:Counts|}() => Console.WriteLine("/orders".Length);

                private void List() => _client.Get("/orders");
            """,
            assembly));

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Code_that_does_not_bind_in_a_helper_may_be_its_assertion(Flavor flavor)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, """
                [Test]
                public void Works() => Check(new Order());

                [Test]
                public void {|TST3001:Adds|}() => Add(new Order());

                private static void Check(Order order) => {|CS0103:OrderChecks|}.HasTotal(order, 1m);

                private static void Add(Order order) => order.Add(1m);
            """ + Sut),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Method_groups_and_delegates_passed_to_other_code_are_followed(Flavor flavor)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, """
                [Test]
                public void Works() => Run(CheckTotal);

                [Test]
                public void WorksWithADelegate() => Run(new Action(CheckTotal));

                [Test]
                public void WorksInAHelper() => RunChecks();

                [Test]
                public void {|TST3001:Logs|}() => Run(Log);

                private static void RunChecks() => Run(CheckTotal);

                private static void Run(Action action) => action();

                private static void CheckTotal()
                {
                    if (new Order().Total != 0m) throw new InvalidOperationException("total");
                }

                private static void Log() => Console.WriteLine("total");
            """ + Sut),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Dynamically_bound_calls_may_assert(Flavor flavor)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, """
                [Test]
                public void Works()
                {
                    dynamic total = new Order().Total;
                    Checks.Confirm(total);
                }

                [Test]
                public void WorksInAHelper() => Confirm(new Order());

                [Test]
                public void {|TST3001:Adds|}() => new Order().Add(1m);

                private static void Confirm(dynamic order) => order.Check();
            """ + Sut + """
            }

            public static class Checks
            {
                public static void Confirm(decimal total) { }
            """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task EnsureSuccessStatusCode_checks_the_outcome(Flavor flavor)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, """
                [Test]
                public async Task Works()
                {
                    using var client = new HttpClient();
                    using var response = await client.GetAsync("http://localhost/orders");
                    response.EnsureSuccessStatusCode();
                }

                [Test]
                public async Task {|TST3001:Gets|}()
                {
                    using var client = new HttpClient();
                    using var response = await client.GetAsync("http://localhost/orders");
                }
            """ + Sut, "using System.Net.Http;"),
            flavor);

    public static TheoryData<Flavor, string> SmokeTestNames() => new()
    {
        { Flavor.XunitV2, "Parse_DoesNotThrow" },
        { Flavor.XunitV3, "Dispose_ShouldNotThrow" },
        { Flavor.NUnit3, "NoThrow_on_empty_input" },
        { Flavor.NUnit4, "Save_IsIdempotent" },
        { Flavor.MSTest3, "Shutdown_DoesNotDeadlock" },
        { Flavor.MSTest4, "Render_DoesNotCrash" },
        { Flavor.TUnit, "Import_does_not_throw" },
        { Flavor.XunitV2, "Cancel_DoesntThrow" },
        { Flavor.NUnit4, "Disposing_twice_throws_no_exception" },
    };

    [Theory]
    [MemberData(nameof(SmokeTestNames))]
    public Task Tests_named_as_smoke_tests_are_not_reported(Flavor flavor, string name)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                [Test]
                public void {{name}}() => new Order().Add(1m);

                [Test]
                public void {|TST3001:Adds|}() => new Order().Add(1m);
            {{Sut}}
            """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Tests_whose_comments_state_the_smoke_intent_are_not_reported(Flavor flavor)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                [Test]
                public void AcceptsNullValues()
                {
                    var order = new Order();

                    // Act & Assert: does not throw
                    order.Add(0m);
                }

                [Test]
                public void CanBeCalledTwice()
                {
                    new Order().Add(1m); /* doesn't throw */
                }

                [Test]
                public void {|TST3001:Adds|}()
                {
                    // Act
                    new Order().Add(1m);
                }

                [Test]
                public void ParsesPaths()
                {
                    var path = "a/b"; /* see c/d */ // e/f: no exception for a path with slashes
                    new Order().Add(path.Length);
                }

                [Test]
                public void {|TST3001:Notes|}()
                {
                    var note = "// does not throw, /* doesn't crash */";
                    new Order().Add(note.Length);
                }
            {{Sut}}
            """),
            flavor);

    [Theory]
    [MemberData(nameof(SmokeTestNames))]
    public Task The_report_smoke_tests_option_reports_them(Flavor flavor, string name)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                [Test]
                public void {|TST3001:{{name}}|}() => new Order().Add(1m);
            {{Sut}}
            """),
            flavor,
            editorConfig: "test_smells.report_smoke_tests = true");

    [Fact]
    public async Task The_RunAsync_of_the_Roslyn_analyzer_test_harness_counts()
    {
        // Microsoft.CodeAnalysis.Analyzer.Testing stands in for the real package (its RunAsync verifies the diagnostics).
        var test = new CSharpAnalyzerTest<MissingAssertionAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = References.For(Flavor.MSTest4),
            TestCode = TestSource.Class(Flavor.MSTest4, """
                [Test]
                public Task Reports() => new AnalyzerTest { TestCode = "class C { }" }.RunAsync();

                [Test]
                public void {|TST3001:Builds|}() => new AnalyzerTest { TestCode = "class C { }" }.Build();
            """, "using Microsoft.CodeAnalysis.Testing;"),
        };
        test.TestState.AdditionalReferences.AddRange(References.Additional(Flavor.MSTest4));
        test.TestState.AdditionalProjects["Microsoft.CodeAnalysis.Analyzer.Testing"].Sources.Add(
                """
                namespace Microsoft.CodeAnalysis.Testing
                {
                    public class AnalyzerTest
                    {
                        public string TestCode { get; set; } = "";
                        public System.Threading.Tasks.Task RunAsync() => System.Threading.Tasks.Task.CompletedTask;
                        public void Build() { }
                    }
                }
                """);
        test.TestState.AdditionalProjectReferences.Add("Microsoft.CodeAnalysis.Analyzer.Testing");
        await VerifyTST3001.RunAsync(test);
    }

    [Fact]
    public async Task Verify_snapshot_calls_count()
    {
        // Verify.Xunit is not on our package feed: a small assembly named like it stands in for it.
        var test = new CSharpAnalyzerTest<MissingAssertionAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = References.For(Flavor.XunitV2),
            TestCode = TestSource.Class(Flavor.XunitV2, """
                [Test]
                public Task Snapshot() => Verifier.Verify(new { Total = 1 });

                [Test]
                public void {|TST3001:NoSnapshot|}() => Verifier.Describe(new { Total = 1 });
            """, "using VerifyXunit;"),
        };
        test.TestState.AdditionalProjects["Verify.Xunit"].Sources.Add(
                """
                namespace VerifyXunit
                {
                    public static class Verifier
                    {
                        public static System.Threading.Tasks.Task Verify(object target) => System.Threading.Tasks.Task.CompletedTask;
                        public static void Describe(object target) { }
                    }
                }
                """);
        test.TestState.AdditionalProjectReferences.Add("Verify.Xunit");
        await VerifyTST3001.RunAsync(test);
    }

    [Theory]
    [InlineData("using Moq;", Libs.Moq, "var orders = new Mock<IOrders>(); new Checkout(orders.Object).Run();")]
    [InlineData("using Moq;", Libs.Moq, "var orders = Mock.Of<IOrders>(); new Checkout(orders).Run();")]
    [InlineData("using NSubstitute;", Libs.NSubstitute, "var orders = Substitute.For<IOrders>(); new Checkout(orders).Run();")]
    [InlineData("using FakeItEasy;", Libs.FakeItEasy, "var orders = A.Fake<IOrders>(); new Checkout(orders).Run();")]
    public Task A_test_that_creates_mocks_is_left_to_TST2003(string usings, Libs libs, string body)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, $$"""
                [Test]
                public void Works()
                {
                    {{body}}
                }
            """, usings) + MockedSut,
            Flavor.XunitV2,
            libs);

    [Fact]
    public Task Verifying_a_mock_created_elsewhere_is_an_assertion_and_using_it_without_verifying_is_not()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                private readonly Mock<IOrders> _orders = new Mock<IOrders>();

                [Test]
                public void Verifies()
                {
                    new Checkout(_orders.Object).Run();
                    _orders.Verify(o => o.Save(), Times.Once());
                }

                [Test]
                public void {|TST3001:OnlyRuns|}() => new Checkout(_orders.Object).Run();
            """, "using Moq;") + MockedSut,
            Flavor.XunitV2,
            Libs.Moq);

    [Fact]
    public Task NSubstitute_received_calls_are_verifications()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                private readonly IOrders _orders = Substitute.For<IOrders>();

                [Test]
                public void Verifies()
                {
                    new Checkout(_orders).Run();
                    _orders.Received().Save();
                }
            """, "using NSubstitute;") + MockedSut,
            Flavor.NUnit4,
            Libs.NSubstitute);

    private const string MockedSut = """

        public interface IOrders { void Save(); }
        public sealed class Checkout
        {
            private readonly IOrders _orders;
            public Checkout(IOrders orders) => _orders = orders;
            public void Run() => _orders.Save();
        }
        """;

    [Fact]
    public Task FakeItEasy_must_have_happened_is_a_verification()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.MSTest4, """
                private readonly IOrders _orders = A.Fake<IOrders>();

                [Test]
                public void Verifies()
                {
                    new Checkout(_orders).Run();
                    A.CallTo(() => _orders.Save()).MustHaveHappenedOnceExactly();
                }
            """, "using FakeItEasy;") + MockedSut,
            Flavor.MSTest4,
            Libs.FakeItEasy);

    [Fact]
    public Task Helpers_that_assert_count_at_any_depth()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, """
                [Test]
                public void Direct() => ShouldHaveTotal(new Order(), 0m);

                [Test]
                public void ThreeLevelsDown() => Level1(new Order());

                [Test]
                public void ThroughABaseClass() => new OrderChecks().Check(new Order());

                [Test]
                public void {|TST3001:HelpersThatDoNot|}() => Level1NoAssert(new Order());

                private static void ShouldHaveTotal(Order order, decimal total) => Assert.Equal(total, order.Total);
                private static void Level1(Order order) => Level2(order);
                private static void Level2(Order order) => Level3(order);
                private static void Level3(Order order) => Assert.True(order.Total >= 0);
                private static void Level1NoAssert(Order order) => Level2NoAssert(order);
                private static void Level2NoAssert(Order order) => order.Add(1m);

                public class OrderChecks
                {
                    public void Check(Order order)
                    {
                        if (order.Total < 0)
                        {
                            throw new InvalidOperationException("negative total");
                        }
                    }
                }
            """ + Sut),
            Flavor.XunitV3);

    [Fact]
    public Task Recursive_helpers_terminate_and_count_only_when_the_cycle_asserts()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                [Test]
                public void {|TST3001:CycleWithoutAssertion|}() => Ping(3);

                [Test]
                public void CycleWithAssertion() => Even(4);

                [Test]
                public void {|TST3001:CycleWithoutAssertionAgain|}() => Pong(2);

                [Test]
                public void SelfRecursiveAsserting() => Countdown(3);

                private static void Ping(int n) { if (n > 0) Pong(n - 1); }
                private static void Pong(int n) { if (n > 0) Ping(n - 1); }
                private static void Even(int n) { if (n == 0) Assert.Pass(); else Odd(n - 1); }
                private static void Odd(int n) { if (n > 0) Even(n - 1); }
                private static void Countdown(int n) { if (n == 0) { Assert.That(n, Is.Zero); return; } Countdown(n - 1); }
            """),
            Flavor.NUnit4);

    /// <summary>
    /// Helpers that call each other in a dense web of cycles (each calls the next two and the first) are
    /// each walked once: without a memo for methods on a cycle, every test re-walks the web and the
    /// work grows like the Fibonacci numbers with its size (minutes at 32 helpers).
    /// </summary>
    [Fact]
    public async Task A_web_of_recursive_helpers_is_walked_once_per_helper()
    {
        const int Helpers = 32;
        var helpers = string.Concat(Enumerable.Range(0, Helpers).Select(i =>
            $"        private static void H{i}(int n) {{ if (n <= 0) return; H{System.Math.Min(i + 1, Helpers - 1)}(n - 1); H{System.Math.Min(i + 2, Helpers - 1)}(n - 2); H0(n - 3); }}\n"));
        var tests = string.Concat(Enumerable.Range(0, Helpers).Select(i =>
            $"        [Test]\n        public void {{|TST3001:Calls{i}|}}() => H{i}(3);\n"));
        var asserting = "        [Test]\n        public void CallsTheAssertingOne() => Checked(3);\n"
            + "        private static void Checked(int n) { H0(n); Assert.That(n, Is.Positive); }\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await VerifyTST3001.AnalyzerAsync(TestSource.Class(Flavor.NUnit4, tests + helpers + asserting), Flavor.NUnit4);
        Assert.True(watch.Elapsed < System.TimeSpan.FromSeconds(30), $"analysis took {watch.Elapsed}");
    }

    [Fact]
    public Task Assertions_in_lambdas_and_local_functions_count()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                [Test]
                public void InALambda() => new System.Collections.Generic.List<int> { 1 }.ForEach(i => Assert.True(i > 0));

                [Test]
                public void InALocalFunction()
                {
                    Check(1);
                    static void Check(int i) => Assert.True(i > 0);
                }
            """),
            Flavor.XunitV2);

    [Fact]
    public Task An_explicit_throw_in_the_test_counts()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.MSTest4, """
                [Test]
                public void Works()
                {
                    var total = 1 + 1;
                    if (total != 2)
                    {
                        throw new InvalidOperationException("wrong total");
                    }
                }
            """),
            Flavor.MSTest4);

    [Fact]
    public Task Attributes_named_AssertionMethod_mark_helpers_even_without_a_body()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                private readonly IOrderChecks _checks = null!;

                [Test]
                public void Works() => _checks.HasTotal(1m);
            }

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class AssertionMethodAttribute : Attribute { }

            public interface IOrderChecks
            {
                [AssertionMethod]
                void HasTotal(decimal total);
            """),
            Flavor.XunitV2);

    [Theory]
    [InlineData("Confirm")]
    [InlineData("OrderChecks.Confirm")]
    [InlineData("M:OrderChecks.Confirm(System.Decimal)")]
    public Task The_assertion_methods_option_teaches_the_rule_new_helpers(string option)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                [Test]
                public void Works() => OrderChecks.Confirm(1m);
            }

            public static class OrderChecks
            {
                public static void Confirm(decimal total) => Console.WriteLine(total);
            """),
            Flavor.NUnit4,
            editorConfig: "test_smells.assertion_methods = Unrelated|" + option);

    [Fact]
    public Task Without_the_option_an_unknown_helper_is_not_an_assertion()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                [Test]
                public void {|TST3001:Works|}() => OrderChecks.Confirm(1m);
            }

            public static class OrderChecks
            {
                public static void Confirm(decimal total) => Console.WriteLine(total);
            """),
            Flavor.NUnit4);

    [Theory]
    [InlineData("AssertShipped")]
    [InlineData("VerifyShipped")]
    [InlineData("ShouldBeShipped")]
    [InlineData("ExpectShipped")]
    public Task Helpers_of_other_assemblies_named_like_assertions_are_taken_at_their_word(string name)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, $$"""
                private readonly IOrderAssertions _orders = null!;

                [Test]
                public void Works() => _orders.{{name}}(42);
            }

            public interface IOrderAssertions
            {
                void {{name}}(int id);
            """),
            Flavor.XunitV3);

    [Fact]
    public Task A_name_that_only_starts_like_an_assertion_is_not_one()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, """
                private readonly IOrders _orders = null!;

                [Test]
                public void {|TST3001:Works|}() => _orders.Assertive(42);
            }

            public interface IOrders
            {
                void Assertive(int id);
            """),
            Flavor.XunitV3);

    public static TheoryData<Flavor, string> SkippedTests() => new()
    {
        { Flavor.XunitV2, "[Fact(Skip = \"flaky on CI\")]" },
        { Flavor.XunitV2, "[Theory(Skip = \"\")]\n    [InlineData(1)]" },
        { Flavor.XunitV3, "[Fact(Skip = \"flaky on CI\")]" },
        { Flavor.XunitV3, "[Fact(Explicit = true)]" },
        { Flavor.NUnit3, "[Test, Ignore(\"flaky on CI\")]" },
        { Flavor.NUnit4, "[Test, Explicit]" },
        { Flavor.MSTest3, "[TestMethod, Ignore]" },
        { Flavor.MSTest4, "[TestMethod, Ignore(\"flaky on CI\")]" },
        { Flavor.TUnit, "[Test, Skip(\"flaky on CI\")]" },
        { Flavor.TUnit, "[Test, Explicit]" },
    };

    [Theory]
    [MemberData(nameof(SkippedTests))]
    public Task Skipped_tests_are_not_reported(Flavor flavor, string attributes)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                {{attributes}}
                public void Works(int quantity = 1) => new Order().Add(quantity);
            {{Sut}}
            """),
            flavor);

    [Theory]
    [InlineData(Flavor.NUnit3, "[Ignore(\"later\")]\n")]
    [InlineData(Flavor.MSTest3, "[Ignore]\n[TestClass]\n")]
    [InlineData(Flavor.TUnit, "[Skip(\"later\")]\n")]
    public Task Tests_of_a_skipped_class_are_not_reported(Flavor flavor, string classAttributes)
        => VerifyTST3001.AnalyzerAsync(
            $$"""
            using System;
            {{TestSource.Usings(flavor)}}

            {{classAttributes}}public class OrderTests
            {
                [{{TestSource.TestAttribute(flavor)}}]
                public void Works() => Console.WriteLine(1);
            }
            """,
            flavor);

    [Fact]
    public Task MSTest_ExpectedException_is_the_assertion()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.MSTest3, """
                [TestMethod]
                [ExpectedException(typeof(InvalidOperationException))]
                public void Works() => new Order().Add(-1m);
            """ + Sut),
            Flavor.MSTest3);

    [Fact]
    public Task NUnit_expected_results_are_the_assertion()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                [TestCase(1, 2, ExpectedResult = 3)]
                public int Adds(int a, int b) => a + b;

                [Test(ExpectedResult = 4)]
                public int AddsAgain() => 2 + 2;

                [TestCaseSource(nameof(Cases))]
                public int AddsFromSource(int a, int b) => a + b;

                [TestCaseSource(nameof(Cases))]
                public async Task<int> AddsAsync(int a, int b) { await Task.Yield(); return a + b; }

                private static readonly TestCaseData[] Cases = { new TestCaseData(1, 2).Returns(3) };
            """),
            Flavor.NUnit4);

    [Theory]
    [InlineData(Flavor.NUnit4, "[Test, MaxTime(100)]")]
    [InlineData(Flavor.NUnit3, "[Test, Timeout(100)]")]
    [InlineData(Flavor.MSTest3, "[TestMethod, Timeout(100)]")]
    [InlineData(Flavor.XunitV3, "[Fact(Timeout = 100)]")]
    public Task A_time_limit_is_the_assertion(Flavor flavor, string attributes)
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                {{attributes}}
                public async Task Works() => await new Order().SubmitAsync();
            {{Sut}}
            """),
            flavor);

    [Fact]
    public Task Empty_tests_are_left_to_TST3004()
        => VerifyTST3001.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                [Fact]
                public void Later()
                {
                    // TODO
                }
            """),
            Flavor.XunitV2);

    [Fact]
    public Task Non_test_methods_and_overrides_of_inherited_tests_are_not_reported()
        => VerifyTST3001.AnalyzerAsync(
            """
            using System;
            using NUnit.Framework;

            public abstract class OrderTestsBase
            {
                [Test]
                public virtual void Works() => Assert.Pass();

                protected void Helper() => Console.WriteLine("setup");

                [SetUp]
                public void SetUp() => Console.WriteLine("setup");
            }

            public class FastOrderTests : OrderTestsBase
            {
                public override void Works() => Console.WriteLine("does not apply to the fast store");
            }
            """,
            Flavor.NUnit4);

    [Fact]
    public Task Production_code_is_not_analyzed()
        => VerifyTST3001.AnalyzerAsync(
            """
            public class OrderTests
            {
                public void Works() => System.Console.WriteLine(1);
            }
            """,
            flavor: null);

    [Fact]
    public async Task Every_analyzer_together_reports_an_empty_test_once_as_TST3004()
    {
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV3, Libs.None, TestSource.Class(Flavor.XunitV3, """
                [Fact]
                public void Later()
                {
                }
            """));
        var diagnostics = await AllAnalyzers.RunAsync(compilation);
        Assert.Equal(new[] { "TST3004" }, diagnostics.Select(d => d.Id).ToArray());
    }

    [Fact]
    public async Task A_deep_helper_chain_shared_by_many_tests_is_followed_to_its_assertion()
    {
        // Many tests calling one deep helper chain (the walk is memoized per compilation).
        var members = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"    [Fact] public void T{i}() => Level1({i});"));
        var helpers = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"    private static void Level{i}(int n) => Level{i + 1}(n);"))
            + "\n    private static void Level31(int n) => Assert.True(n >= 0);";
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV2, Libs.None, TestSource.Class(Flavor.XunitV2, members + "\n" + helpers));
        var diagnostics = await AllAnalyzers.RunAsync(compilation);
        Assert.Equal(ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>.Empty, diagnostics);
    }
}
