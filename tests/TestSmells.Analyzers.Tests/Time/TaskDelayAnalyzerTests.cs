using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST1002 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Time.TaskDelayAnalyzer>;

namespace TestSmells.Analyzers.Tests.Time;

public class TaskDelayAnalyzerTests
{
    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Awaited_delay_in_a_test_is_reported(Flavor flavor)
        => VerifyTST1002.AnalyzerAsync(
            TestSource.Test(flavor, """
                await {|TST1002:Task.Delay(500)|};
                await {|TST1002:Task.Delay(TimeSpan.FromSeconds(1))|}.ConfigureAwait(false);
                """, isAsync: true),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Blocking_on_a_delay_is_reported(Flavor flavor)
        => VerifyTST1002.AnalyzerAsync(
            TestSource.Test(flavor, """
                {|TST1002:Task.Delay(100)|}.Wait();
                {|TST1002:Task.Delay(100)|}.GetAwaiter().GetResult();
                """),
            flavor);

    [Fact]
    public Task A_delay_with_a_cancellation_token_is_still_a_fixed_wait()
        => VerifyTST1002.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV3, "await {|TST1002:Task.Delay(250, TestContext.Current.CancellationToken)|};", isAsync: true),
            Flavor.XunitV3);

    [Theory]
    [InlineData("await Task.Delay(0);")]
    [InlineData("await Task.Delay(TimeSpan.Zero);")]
    [InlineData("await Task.Delay(Timeout.Infinite, new CancellationTokenSource(10).Token).ContinueWith(_ => { });")]
    [InlineData("await Task.Yield();")]
    public Task Zero_infinite_and_yield_are_not_fixed_waits(string statement)
        => VerifyTST1002.AnalyzerAsync(TestSource.Test(Flavor.XunitV2, statement, isAsync: true), Flavor.XunitV2);

    [Theory]
    [InlineData("await Task.Delay(1).ConfigureAwait(false);")]
    [InlineData("await Task.Delay(TimeSpan.FromMilliseconds(1));")]
    [InlineData("await Task.Delay(new Random(7).Next(0, 2));")]
    [InlineData("var random = new Random(1);\n        await Task.Delay(random.Next(1, 100));")]
    public Task A_one_millisecond_yield_and_simulated_random_work_are_not_fixed_waits(string statement)
        => VerifyTST1002.AnalyzerAsync(TestSource.Test(Flavor.XunitV3, statement, isAsync: true), Flavor.XunitV3);

    [Theory]
    [InlineData("await {|TST1002:Task.Delay(2)|};")]
    [InlineData("await {|TST1002:Task.Delay(TimeSpan.FromMilliseconds(50))|};")]
    public Task Two_milliseconds_and_more_are_fixed_waits(string statement)
        => VerifyTST1002.AnalyzerAsync(TestSource.Test(Flavor.MSTest4, statement, isAsync: true), Flavor.MSTest4);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_delay_raced_against_work_or_used_as_a_timeout_is_not_reported(Flavor flavor)
        => VerifyTST1002.AnalyzerAsync(
            TestSource.Test(flavor, """
                var work = Task.Run(() => 42);
                var winner = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(5)));
                var timeout = Task.Delay(1000);
                await Task.WhenAny(work, timeout);
                await work.WaitAsync(TimeSpan.FromSeconds(5));
                """, isAsync: true),
            flavor);

    [Fact]
    public Task A_delay_inside_a_polling_loop_is_not_reported()
        => VerifyTST1002.AnalyzerAsync(
            TestSource.Test(Flavor.NUnit4, """
                var attempts = 0;
                while (attempts++ < 50)
                {
                    if (attempts > 3) break;
                    await Task.Delay(20);
                }
                """, isAsync: true),
            Flavor.NUnit4);

    [Fact]
    public Task A_delay_that_is_the_input_of_the_test_is_not_reported()
        => VerifyTST1002.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Xunit;

            public class GatewayTests
            {
                private sealed class SlowHandler : HttpMessageHandler
                {
                    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                        return new HttpResponseMessage();
                    }
                }

                [Fact]
                public async Task Times_out()
                {
                    using var client = new HttpClient(new SlowHandler()) { Timeout = TimeSpan.FromMilliseconds(50) };
                    Func<Task> slowCall = async () => await Task.Delay(1000);
                    await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync("http://localhost/"));
                }
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task Production_code_in_a_test_project_is_not_reported()
        => VerifyTST1002.AnalyzerAsync(
            """
            using System.Threading.Tasks;
            using MSTestAttr = Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute;

            public class RetryPolicy
            {
                public async Task BackOffAsync() => await Task.Delay(100);
            }
            """,
            Flavor.MSTest4);

    [Fact]
    public Task The_message_names_the_duration()
        => VerifyTST1002.AnalyzerAsync(
            TestSource.Test(Flavor.TUnit, "await {|#0:Task.Delay(1500)|};", isAsync: true),
            Flavor.TUnit,
            expected: VerifyTST1002.Diagnostic("TST1002").WithLocation(0).WithArguments("1500"));
}
