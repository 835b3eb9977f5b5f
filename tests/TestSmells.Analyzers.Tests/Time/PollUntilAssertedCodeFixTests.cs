using System.Threading.Tasks;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Time;

namespace TestSmells.Analyzers.Tests.Time;

public class PollUntilAssertedCodeFixTests
{
    private const string Setup = """
        var orders = new System.Collections.Generic.List<string>();
                string? last = null;
                var text = "";
        """;

    private static Task SleepFix(Flavor flavor, string assertion, string poll, Libs libs = Libs.None, string extraUsings = "", string? editorConfig = null)
        => VerifyFix<ThreadSleepAnalyzer, PollUntilAssertedCodeFix>.CodeFixAsync(
            TestSource.Test(flavor, $"""
                {Setup}
                        {"{|TST1001:Thread.Sleep(500)|}"};
                        {assertion}
                """, extraUsings: extraUsings),
            TestSource.Test(flavor, $"""
                {Setup}
                        {poll}
                        {assertion}
                """, extraUsings: extraUsings),
            flavor,
            libs,
            PollUntilAssertedCodeFix.EquivalenceKey,
            editorConfig);

    private static string Spin(string condition, int timeout = 5000) => $"SpinWait.SpinUntil(() => {condition}, TimeSpan.FromMilliseconds({timeout}));";

    [Theory]
    [InlineData("Assert.True(orders.Count > 0);", "orders.Count > 0")]
    [InlineData("Assert.True(orders.Count > 0, \"an order arrives\");", "orders.Count > 0")]
    [InlineData("Assert.False(orders.Count == 0);", "orders.Count != 0")]
    [InlineData("Assert.False(orders.Contains(\"a\"));", "!orders.Contains(\"a\")")]
    [InlineData("Assert.Equal(2, orders.Count);", "orders.Count == 2")]
    [InlineData("Assert.NotEqual(0, orders.Count);", "orders.Count != 0")]
    [InlineData("Assert.Equal(\"done\", text);", "text == \"done\"")]
    [InlineData("Assert.Null(last);", "last is null")]
    [InlineData("Assert.NotNull(last);", "last is not null")]
    [InlineData("Assert.Empty(orders);", "orders.Count == 0")]
    [InlineData("Assert.NotEmpty(orders);", "orders.Count > 0")]
    [InlineData("Assert.Single(orders);", "orders.Count == 1")]
    [InlineData("var only = Assert.Single(orders);", "orders.Count == 1")]
    [InlineData("Assert.Contains(\"a\", orders);", "orders.Contains(\"a\")")]
    [InlineData("Assert.Contains(\"done\", text);", "text?.Contains(\"done\") == true")]
    [InlineData("Assert.Equal(DayOfWeek.Monday, DateTimeKind.Utc == DateTimeKind.Utc ? DayOfWeek.Monday : DayOfWeek.Sunday);", "(DateTimeKind.Utc == DateTimeKind.Utc ? DayOfWeek.Monday : DayOfWeek.Sunday) == DayOfWeek.Monday")]
    public Task XUnit_assertions_become_the_condition_of_a_blocking_poll(string assertion, string condition)
        => SleepFix(Flavor.XunitV3, assertion, Spin(condition));

    [Theory]
    [InlineData("Assert.True(orders.Count > 0);", "orders.Count > 0")]
    [InlineData("Assert.Equal(2, orders.Count);", "orders.Count == 2")]
    public Task XUnit_v2_works_the_same(string assertion, string condition)
        => SleepFix(Flavor.XunitV2, assertion, Spin(condition));

    [Theory]
    [InlineData("Assert.That(orders.Count > 0);", "orders.Count > 0")]
    [InlineData("Assert.That(orders.Count > 0, Is.True);", "orders.Count > 0")]
    [InlineData("Assert.That(orders.Count > 0, Is.False);", "!(orders.Count > 0)")]
    [InlineData("Assert.That(orders.Count, Is.EqualTo(2));", "orders.Count == 2")]
    [InlineData("Assert.That(orders.Count, Is.EqualTo(2L));", "orders.Count == 2L")]
    [InlineData("Assert.That(last, Is.Null);", "last is null")]
    [InlineData("Assert.That(last, Is.Not.Null);", "last is not null")]
    [InlineData("ClassicAssert.IsTrue(orders.Count > 0);", "orders.Count > 0")]
    [InlineData("ClassicAssert.IsFalse(orders.Count > 0);", "!(orders.Count > 0)")]
    [InlineData("ClassicAssert.AreEqual(2, orders.Count);", "orders.Count == 2")]
    [InlineData("ClassicAssert.IsNull(last);", "last is null")]
    [InlineData("ClassicAssert.IsNotNull(last);", "last is not null")]
    public Task NUnit_4_constraints_and_classic_assertions(string assertion, string condition)
        => SleepFix(Flavor.NUnit4, assertion, Spin(condition), extraUsings: "using NUnit.Framework.Legacy;");

    [Theory]
    [InlineData("Assert.IsTrue(orders.Count > 0);", "orders.Count > 0")]
    [InlineData("Assert.AreEqual(2, orders.Count);", "orders.Count == 2")]
    [InlineData("Assert.That(orders.Count, Is.EqualTo(2), \"two orders\");", "orders.Count == 2")]
    public Task NUnit_3_classic_assertions_on_Assert(string assertion, string condition)
        => SleepFix(Flavor.NUnit3, assertion, Spin(condition));

    [Theory]
    [InlineData(Flavor.MSTest3, "Assert.IsTrue(orders.Count > 0);", "orders.Count > 0")]
    [InlineData(Flavor.MSTest3, "Assert.IsFalse(orders.Count > 0);", "!(orders.Count > 0)")]
    [InlineData(Flavor.MSTest3, "Assert.AreEqual(2, orders.Count);", "orders.Count == 2")]
    [InlineData(Flavor.MSTest3, "Assert.IsNull(last);", "last is null")]
    [InlineData(Flavor.MSTest3, "Assert.IsNotNull(last);", "last is not null")]
    [InlineData(Flavor.MSTest4, "Assert.IsTrue(orders.Count > 0);", "orders.Count > 0")]
    [InlineData(Flavor.MSTest4, "Assert.IsFalse(orders.Count > 0, \"no order yet\");", "!(orders.Count > 0)")]
    [InlineData(Flavor.MSTest4, "Assert.AreEqual(2, orders.Count);", "orders.Count == 2")]
    [InlineData(Flavor.MSTest4, "Assert.AreEqual(\"done\", text);", "text == \"done\"")]
    [InlineData(Flavor.MSTest4, "Assert.IsNull(last);", "last is null")]
    [InlineData(Flavor.MSTest4, "Assert.IsNotNull(last);", "last is not null")]
    public Task MSTest_assertions(Flavor flavor, string assertion, string condition)
        => SleepFix(flavor, assertion, Spin(condition));

    [Theory]
    [InlineData(Libs.FluentAssertions, "using FluentAssertions;", "(orders.Count > 0).Should().BeTrue();", "orders.Count > 0")]
    [InlineData(Libs.FluentAssertions, "using FluentAssertions;", "(orders.Count > 0).Should().BeFalse(\"none yet\");", "!(orders.Count > 0)")]
    [InlineData(Libs.FluentAssertions, "using FluentAssertions;", "orders.Count.Should().Be(2);", "orders.Count == 2")]
    [InlineData(Libs.FluentAssertions, "using FluentAssertions;", "text.Should().Be(\"done\");", "text == \"done\"")]
    [InlineData(Libs.AwesomeAssertions, "using AwesomeAssertions;", "(orders.Count > 0).Should().BeTrue();", "orders.Count > 0")]
    [InlineData(Libs.AwesomeAssertions, "using AwesomeAssertions;", "orders.Count.Should().Be(2);", "orders.Count == 2")]
    [InlineData(Libs.AwesomeAssertions, "using AwesomeAssertions;", "last.Should().BeNull();", "last is null")]
    [InlineData(Libs.Shouldly, "using Shouldly;", "orders.Count.ShouldBe(2);", "orders.Count == 2")]
    [InlineData(Libs.Shouldly, "using Shouldly;", "(orders.Count > 0).ShouldBeTrue();", "orders.Count > 0")]
    [InlineData(Libs.Shouldly, "using Shouldly;", "(orders.Count > 0).ShouldBeFalse();", "!(orders.Count > 0)")]
    [InlineData(Libs.Shouldly, "using Shouldly;", "last.ShouldNotBeNull();", "last is not null")]
    public Task Fluent_and_Shouldly_assertions(Libs libs, string usings, string assertion, string condition)
        => SleepFix(Flavor.XunitV3, assertion, Spin(condition), libs, usings);

    [Fact]
    public Task The_timeout_comes_from_editorconfig()
        => SleepFix(Flavor.XunitV2, "Assert.True(orders.Count > 0);", Spin("orders.Count > 0", 1500), editorConfig: "test_smells.poll_timeout_ms = 1500");

    [Fact]
    public Task An_async_test_gets_an_awaited_poll_loop()
        => VerifyFix<TaskDelayAnalyzer, PollUntilAssertedCodeFix>.CodeFixAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Xunit;

            public class OutboxTests
            {
                [Fact]
                public async Task Welcome_mail_is_sent()
                {
                    var sent = new List<string>();
                    await Task.Run(() => sent.Add("ada"));

                    // the worker needs a moment
                    await {|TST1002:Task.Delay(1000)|};
                    Assert.Single(sent);

                    await {|TST1002:Task.Delay(TimeSpan.FromSeconds(1))|}.ConfigureAwait(false);
                    Assert.Equal("ada", sent[0]);
                }
            }
            """,
            """
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Threading.Tasks;
            using Xunit;

            public class OutboxTests
            {
                [Fact]
                public async Task Welcome_mail_is_sent()
                {
                    var sent = new List<string>();
                    await Task.Run(() => sent.Add("ada"));

                    // the worker needs a moment
                    for (var poll = Stopwatch.StartNew(); sent.Count != 1 && poll.ElapsedMilliseconds < 5000;)
                    {
                        await Task.Delay(20);
                    }
                    Assert.Single(sent);

                    for (var poll = Stopwatch.StartNew(); sent[0] != "ada" && poll.ElapsedMilliseconds < 5000;)
                    {
                        await Task.Delay(20);
                    }
                    Assert.Equal("ada", sent[0]);
                }
            }
            """,
            Flavor.XunitV2,
            equivalenceKey: PollUntilAssertedCodeFix.EquivalenceKey);

    [Fact]
    public Task A_sleep_in_an_async_NUnit_test_gets_the_awaited_poll_and_the_loop_variable_avoids_taken_names()
        => VerifyFix<ThreadSleepAnalyzer, PollUntilAssertedCodeFix>.CodeFixAsync(
            TestSource.Test(Flavor.NUnit4, """
                var poll = 0;
                        {|TST1001:Thread.Sleep(100)|};
                        Assert.That(poll, Is.EqualTo(0));
                        await Task.Yield();
                """, isAsync: true),
            TestSource.Test(Flavor.NUnit4, """
                var poll = 0;
                        for (var poll2 = Stopwatch.StartNew(); poll != 0 && poll2.ElapsedMilliseconds < 5000;)
                        {
                            await Task.Delay(20);
                        }
                        Assert.That(poll, Is.EqualTo(0));
                        await Task.Yield();
                """, isAsync: true).Replace("using System;\n", "using System;\nusing System.Diagnostics;\n"),
            Flavor.NUnit4,
            equivalenceKey: PollUntilAssertedCodeFix.EquivalenceKey);

    [Fact]
    public Task A_blocking_wait_on_a_delay_gets_the_blocking_poll()
        => VerifyFix<TaskDelayAnalyzer, PollUntilAssertedCodeFix>.CodeFixAsync(
            TestSource.Test(Flavor.MSTest4, """
                var orders = new System.Collections.Generic.List<int>();
                        {|TST1002:Task.Delay(200)|}.Wait();
                        Assert.AreEqual(0, orders.Count);
                """),
            TestSource.Test(Flavor.MSTest4, """
                var orders = new System.Collections.Generic.List<int>();
                        SpinWait.SpinUntil(() => orders.Count == 0, TimeSpan.FromMilliseconds(5000));
                        Assert.AreEqual(0, orders.Count);
                """),
            Flavor.MSTest4,
            equivalenceKey: PollUntilAssertedCodeFix.EquivalenceKey);

    [Theory]
    [InlineData("Console.WriteLine(orders.Count);")]
    [InlineData("Assert.Equal(new[] { \"a\" }, orders);")]
    [InlineData("Assert.Equal(0.5, orders.Count / 2.0, 3);")]
    [InlineData("Assert.Single(orders, o => o == \"a\");")]
    [InlineData("Assert.Contains(\"a\", (System.Collections.Generic.IEnumerable<string>)orders);")]
    [InlineData("Assert.True(int.TryParse(text, out var number));")]
    [InlineData("Assert.Equal(\"A\", text, ignoreCase: true);")]
    [InlineData("Assert.Equal(2, orders.Count, System.Collections.Generic.EqualityComparer<int>.Default);")]
    public Task No_poll_when_the_next_statement_is_not_an_assertion_it_can_read(string next)
        => VerifyFix<ThreadSleepAnalyzer, PollUntilAssertedCodeFix>.NoFixAsync(
            TestSource.Test(Flavor.XunitV3, $"""
                {Setup}
                        {"{|TST1001:Thread.Sleep(500)|}"};
                        {next}
                """),
            Flavor.XunitV3);

    [Fact]
    public Task No_poll_when_the_wait_is_the_last_statement()
        => VerifyFix<ThreadSleepAnalyzer, PollUntilAssertedCodeFix>.NoFixAsync(
            TestSource.Class(Flavor.XunitV2, """
                    [Test]
                    public void Works() => Settle();

                    private static void Settle() => {|TST1001:Thread.Sleep(200)|};
                """),
            Flavor.XunitV2);

    [Fact]
    public Task A_sleep_in_a_synchronous_local_function_of_an_async_test_gets_the_blocking_poll()
        => VerifyFix<ThreadSleepAnalyzer, PollUntilAssertedCodeFix>.CodeFixAsync(
            TestSource.Test(Flavor.XunitV3, """
                var orders = new System.Collections.Generic.List<int>();
                        await Task.Run(() => orders.Add(1));
                        Settle();

                        void Settle()
                        {
                            {|TST1001:Thread.Sleep(100)|};
                            Assert.NotEmpty(orders);
                        }
                """, isAsync: true),
            TestSource.Test(Flavor.XunitV3, """
                var orders = new System.Collections.Generic.List<int>();
                        await Task.Run(() => orders.Add(1));
                        Settle();

                        void Settle()
                        {
                            SpinWait.SpinUntil(() => orders.Count > 0, TimeSpan.FromMilliseconds(5000));
                            Assert.NotEmpty(orders);
                        }
                """, isAsync: true),
            Flavor.XunitV3,
            equivalenceKey: PollUntilAssertedCodeFix.EquivalenceKey);

    [Theory]
    [InlineData("await Assert.That(orders.Count > 0).IsTrue();", "!(orders.Count > 0)")]
    [InlineData("await Assert.That(orders.Count > 0).IsFalse();", "orders.Count > 0")]
    [InlineData("await Assert.That(orders.Count).IsEqualTo(2);", "orders.Count != 2")]
    [InlineData("await Assert.That(last).IsNull();", "last is not null")]
    [InlineData("await Assert.That(last).IsNotNull();", "last is null")]
    public Task TUnit_awaited_assertions_get_the_awaited_poll(string assertion, string keepWaitingWhile)
        => VerifyFix<TaskDelayAnalyzer, PollUntilAssertedCodeFix>.CodeFixAsync(
            TestSource.Test(Flavor.TUnit, $$"""
                {{Setup}}
                        await {|TST1002:Task.Delay(300)|};
                        {{assertion}}
                """, isAsync: true, extraUsings: "using TUnit.Assertions;\nusing TUnit.Assertions.Extensions;"),
            TestSource.Test(Flavor.TUnit, $$"""
                {{Setup}}
                        for (var poll = Stopwatch.StartNew(); {{keepWaitingWhile}} && poll.ElapsedMilliseconds < 5000;)
                        {
                            await Task.Delay(20);
                        }
                        {{assertion}}
                """, isAsync: true, extraUsings: "using TUnit.Assertions;\nusing TUnit.Assertions.Extensions;").Replace("using System;\n", "using System;\nusing System.Diagnostics;\n"),
            Flavor.TUnit,
            equivalenceKey: PollUntilAssertedCodeFix.EquivalenceKey);
}
