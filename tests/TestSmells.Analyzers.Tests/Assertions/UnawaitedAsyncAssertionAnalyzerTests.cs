using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST3005 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Assertions.UnawaitedAsyncAssertionAnalyzer>;

namespace TestSmells.Analyzers.Tests.Assertions;

public class UnawaitedAsyncAssertionAnalyzerTests
{
    private static DiagnosticResult Info(int location, string what)
        => new DiagnosticResult("TST3005", DiagnosticSeverity.Info).WithLocation(location).WithArguments(what);

    private static DiagnosticResult Assertion(int location, string call) => Info(location, "The async assertion " + call);

    private static DiagnosticResult TaskRun(int location, string call = "Task.Run") => Info(location, $"The task of {call}, whose code asserts,");

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_dropped_Task_Run_that_asserts_is_reported_in_every_framework(Flavor flavor)
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                    [Test]
                    public void Total_is_computed_in_the_background()
                    {
                        var total = 3;
                        {|#0:Task.Run(async () => { await Task.Yield(); {{Asserting.IsTrue(flavor, "total == 3")}} })|};
                        {|#1:Task.Factory.StartNew(() => Check(total))|};
                    }

                    private static void Check(int total)
                    {
                        {{(flavor == Flavor.TUnit ? "GC.KeepAlive(total);" : Asserting.IsTrue(flavor, "total == 3"))}}
                    }
                """, Asserting.Usings(flavor)),
            flavor,
            expected: flavor == Flavor.TUnit
                ? new[] { TaskRun(0) }
                : new[] { TaskRun(0), TaskRun(1, "StartNew") });

    [Theory]
    [InlineData(Flavor.MSTest3, "ThrowsExceptionAsync")]
    [InlineData(Flavor.MSTest3, "ThrowsExactlyAsync")]
    [InlineData(Flavor.MSTest3, "ThrowsAsync")]
    [InlineData(Flavor.MSTest4, "ThrowsExactlyAsync")]
    [InlineData(Flavor.MSTest4, "ThrowsAsync")]
    public Task MSTest_async_throws_assertions_that_are_dropped_are_reported(Flavor flavor, string method)
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                    [Test]
                    public void Rejects_an_empty_order()
                    {
                        {|#0:Assert.{{method}}<InvalidOperationException>(() => PlaceAsync())|};
                    }

                    [Test]
                    public async Task Rejects_a_negative_total()
                    {
                        _ = {|#1:Assert.{{method}}<InvalidOperationException>(() => PlaceAsync())|};
                        await Assert.{{method}}<InvalidOperationException>(() => PlaceAsync());
                    }

                    private static Task PlaceAsync() => Task.FromException(new InvalidOperationException());
                """),
            flavor,
            expected: new[] { Assertion(0, "Assert." + method), Assertion(1, "Assert." + method) });

    [Fact]
    public Task NUnit_ThatAsync_is_reported_but_NUnit_ThrowsAsync_is_synchronous()
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                    [Test]
                    public void Rejects_an_empty_order()
                    {
                        {|#0:Assert.ThatAsync(() => PlaceAsync(), Throws.InvalidOperationException)|};
                        Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync());
                        var caught = Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync());
                        Assert.That(caught, Is.Not.Null);
                    }

                    private static Task PlaceAsync() => Task.FromException(new InvalidOperationException());
                """),
            Flavor.NUnit4,
            expected: new[] { Assertion(0, "Assert.ThatAsync") });

    [Theory]
    [InlineData(Libs.FluentAssertions, "FluentAssertions")]
    [InlineData(Libs.AwesomeAssertions, "AwesomeAssertions")]
    public Task Fluent_async_assertions_that_are_dropped_are_reported(Libs libs, string ns)
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, """
                    [Test]
                    public void Rejects_an_empty_order()
                    {
                        Func<Task> act = () => PlaceAsync();
                        {|#0:act.Should().ThrowAsync<InvalidOperationException>()|};
                        {|#1:act.Should().ThrowAsync<InvalidOperationException>().WithMessage("empty")|};
                        Func<Task> ok = () => Task.CompletedTask;
                        {|#2:ok.Should().NotThrowAsync()|};
                        {|#3:ok.Should().CompleteWithinAsync(TimeSpan.FromSeconds(1))|};
                    }

                    [Test]
                    public async Task Awaited_ones_are_fine()
                    {
                        Func<Task> act = () => PlaceAsync();
                        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("empty");
                        var assertion = act.Should().ThrowAsync<InvalidOperationException>();
                        await assertion;
                    }

                    private static Task PlaceAsync() => Task.FromException(new InvalidOperationException("empty"));
                """, $"using {ns};"),
            Flavor.XunitV3,
            libs,
            expected: new[]
            {
                Assertion(0, "ThrowAsync"),
                Assertion(1, "WithMessage"),
                Assertion(2, "NotThrowAsync"),
                Assertion(3, "CompleteWithinAsync"),
            });

    [Fact]
    public Task Shouldly_async_assertions_that_are_dropped_are_reported()
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                    [Test]
                    public void Rejects_an_empty_order()
                    {
                        {|#0:Should.ThrowAsync<InvalidOperationException>(() => PlaceAsync())|};
                    }

                    private static Task PlaceAsync() => Task.FromException(new InvalidOperationException("empty"));
                """, "using Shouldly;"),
            Flavor.NUnit4,
            Libs.Shouldly,
            expected: new[] { Assertion(0, "Should.ThrowAsync") });

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    public Task XUnit_async_assertions_are_left_to_xUnit2021(Flavor flavor)
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(flavor, """
                    [Test]
                    public void Rejects_an_empty_order()
                    {
                        Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync());
                        Assert.ThrowsAnyAsync<Exception>(() => PlaceAsync());
                    }

                    private static Task PlaceAsync() => Task.FromException(new InvalidOperationException());
                """),
            flavor);

    [Fact]
    public Task TUnit_assertions_are_left_to_TUnits_own_analyzer()
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(Flavor.TUnit, """
                    [Test]
                    public async Task Total_is_three()
                    {
                        _ = Assert.That(3).IsEqualTo(3);
                        await Assert.That(3).IsEqualTo(3);
                    }
                """, Asserting.Usings(Flavor.TUnit)),
            Flavor.TUnit);

    [Theory]
    [InlineData(Libs.NSubstitute, "var sender = Substitute.For<ISender>(); sender.SendAsync(\"ada\"); sender.Received().SendAsync(\"ada\");", "using NSubstitute;")]
    [InlineData(Libs.Moq, "var sender = new Mock<ISender>(); sender.Object.SendAsync(\"ada\"); sender.Verify(s => s.SendAsync(\"ada\"));", "using Moq;")]
    public Task Verifications_of_async_members_of_a_double_are_synchronous(Libs libs, string body, string usings)
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, $$"""
                    public interface ISender { Task SendAsync(string to); }

                    [Test]
                    public void Sends_the_mail()
                    {
                        {{body}}
                    }
                """, usings),
            Flavor.XunitV3,
            libs);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_Task_Run_whose_task_goes_somewhere_is_not_reported(Flavor flavor)
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                    [Test]
                    public async Task Awaited()
                    {
                        await Task.Run(async () => { await Task.Yield(); {{Asserting.IsTrue(flavor, "1 == 1")}} });
                        var stored = Task.Run(async () => { await Task.Yield(); {{Asserting.IsTrue(flavor, "1 == 1")}} });
                        await Task.WhenAll(stored, Task.Run(async () => { await Task.Yield(); {{Asserting.IsTrue(flavor, "1 == 1")}} }));
                        Task.Run(() => Compute());
                    }

                    [Test]
                    public Task Returned() => Task.Run(async () => { await Task.Yield(); {{Asserting.IsTrue(flavor, "1 == 1")}} });

                    private static int Compute() => 42;
                """, Asserting.Usings(flavor)),
            flavor);

    [Fact]
    public Task Async_void_lambdas_and_local_functions_that_assert_are_reported_under_NUnit()
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                    public event EventHandler? Placed;

                    [Test]
                    public void Placing_raises_the_event()
                    {
                        Placed += {|#0:async|} (sender, args) => { await Task.Yield(); Assert.That(sender, Is.Not.Null); };
                        Action check = {|#1:async|} () => { await Task.Yield(); Assert.That(1, Is.EqualTo(1)); };
                        check();
                        Check();
                        Func<Task> awaited = async () => { await Task.Yield(); Assert.That(1, Is.EqualTo(1)); };
                        Action quiet = async () => await Task.Yield();
                        GC.KeepAlive(awaited);
                        GC.KeepAlive(quiet);

                        {|#2:async|} void Check()
                        {
                            await Task.Yield();
                            Assert.That(2, Is.EqualTo(2));
                        }
                    }
                """),
            Flavor.NUnit4,
            expected: new[]
            {
                Info(0, "An async void lambda that asserts"),
                Info(1, "An async void lambda that asserts"),
                Info(2, "An async void local function that asserts"),
            });

    [Theory]
    [InlineData(Flavor.XunitV3)]
    [InlineData(Flavor.MSTest4)]
    public Task Async_void_lambdas_are_left_to_frameworks_that_wait_for_them_or_warn(Flavor flavor)
        => VerifyTST3005.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                    [Test]
                    public void Placing_raises_the_event()
                    {
                        Action check = async () => { await Task.Yield(); {{Asserting.IsTrue(flavor, "1 == 1")}} };
                        check();
                    }
                """),
            flavor);

    [Fact]
    public Task Production_code_and_expression_trees_are_not_reported()
        => VerifyTST3005.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            public class Worker
            {
                public void Start() => Task.Run(() => Assert.IsTrue(true));
            }

            [TestClass]
            public class OrderTests
            {
                [TestMethod]
                public void Describes()
                {
                    System.Linq.Expressions.Expression<Action> described = () => Task.Run(() => Check());
                    GC.KeepAlive(described);
                }

                private static void Check() => Assert.AreEqual(1, 1);
            }
            """,
            Flavor.MSTest4);
}
