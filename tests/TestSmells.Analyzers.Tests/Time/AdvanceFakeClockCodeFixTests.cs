using System.Threading.Tasks;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Time;

namespace TestSmells.Analyzers.Tests.Time;

public class AdvanceFakeClockCodeFixTests
{
    private const string Usings = "using Microsoft.Extensions.Time.Testing;";

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_sleep_becomes_an_advance_of_the_local_fake(Flavor flavor)
        => VerifyFix<ThreadSleepAnalyzer, AdvanceFakeClockCodeFix>.CodeFixAsync(
            TestSource.Test(flavor, $$"""
                var time = new FakeTimeProvider();
                        {|TST1001:Thread.Sleep(500)|};
                        {|TST1001:Thread.Sleep(TimeSpan.FromMinutes(5))|};
                        {{Harness.Check(flavor, "time.GetUtcNow().Year > 2000")}}
                """, extraUsings: Usings + "\n" + Harness.CheckUsings(flavor)),
            TestSource.Test(flavor, $$"""
                var time = new FakeTimeProvider();
                        time.Advance(TimeSpan.FromMilliseconds(500));
                        time.Advance(TimeSpan.FromMinutes(5));
                        {{Harness.Check(flavor, "time.GetUtcNow().Year > 2000")}}
                """, extraUsings: Usings + "\n" + Harness.CheckUsings(flavor)),
            flavor,
            Libs.TimeProviderTesting,
            AdvanceFakeClockCodeFix.EquivalenceKey);

    [Fact]
    public Task An_awaited_delay_becomes_an_advance_of_the_field()
        => VerifyFix<TaskDelayAnalyzer, AdvanceFakeClockCodeFix>.CodeFixAsync(
            TestSource.Class(Flavor.XunitV3, """
                    private readonly FakeTimeProvider _time = new FakeTimeProvider();

                    [Test]
                    public async Task Works()
                    {
                        await Task.Yield();
                        await {|TST1002:Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)|};
                        {|TST1002:Task.Delay(100)|}.Wait();
                        await {|TST1002:Task.Delay(100)|}.ConfigureAwait(false);
                        Assert.True(_time.GetUtcNow().Year > 2000);
                    }
                """, Usings),
            TestSource.Class(Flavor.XunitV3, """
                    private readonly FakeTimeProvider _time = new FakeTimeProvider();

                    [Test]
                    public async Task Works()
                    {
                        await Task.Yield();
                        _time.Advance(TimeSpan.FromSeconds(30));
                        _time.Advance(TimeSpan.FromMilliseconds(100));
                        _time.Advance(TimeSpan.FromMilliseconds(100));
                        Assert.True(_time.GetUtcNow().Year > 2000);
                    }
                """, Usings),
            Flavor.XunitV3,
            Libs.TimeProviderTesting,
            AdvanceFakeClockCodeFix.EquivalenceKey);

    [Fact]
    public Task A_parameter_wins_over_a_field_and_an_arrow_body_is_rewritten()
        => VerifyFix<ThreadSleepAnalyzer, AdvanceFakeClockCodeFix>.CodeFixAsync(
            TestSource.Class(Flavor.NUnit3, """
                    private static readonly FakeTimeProvider Shared = new FakeTimeProvider();

                    [Test]
                    public void Works()
                    {
                        Settle(new FakeTimeProvider());
                        Pause();
                        Assert.That(Shared.GetUtcNow().Year > 2000);
                    }

                    private static void Settle(FakeTimeProvider clock) => {|TST1001:Thread.Sleep(250)|};

                    private static void Pause() => {|TST1001:Thread.Sleep(10)|};
                """, Usings),
            TestSource.Class(Flavor.NUnit3, """
                    private static readonly FakeTimeProvider Shared = new FakeTimeProvider();

                    [Test]
                    public void Works()
                    {
                        Settle(new FakeTimeProvider());
                        Pause();
                        Assert.That(Shared.GetUtcNow().Year > 2000);
                    }

                    private static void Settle(FakeTimeProvider clock) => clock.Advance(TimeSpan.FromMilliseconds(250));

                    private static void Pause() => Shared.Advance(TimeSpan.FromMilliseconds(10));
                """, Usings),
            Flavor.NUnit3,
            Libs.TimeProviderTesting,
            AdvanceFakeClockCodeFix.EquivalenceKey);

    [Fact]
    public Task No_advance_without_a_reachable_fake()
        => VerifyFix<ThreadSleepAnalyzer, AdvanceFakeClockCodeFix>.NoFixAsync(
            TestSource.Class(Flavor.MSTest4, """
                    private readonly FakeTimeProvider _time = new FakeTimeProvider();

                    [Test]
                    public void Works()
                    {
                        Settle();
                        GC.KeepAlive(_time);
                    }

                    private static void Settle()
                    {
                        {|TST1001:Thread.Sleep(100)|};
                        var later = new FakeTimeProvider();
                        GC.KeepAlive(later);
                    }
                """, Usings),
            Flavor.MSTest4,
            Libs.TimeProviderTesting);
}
