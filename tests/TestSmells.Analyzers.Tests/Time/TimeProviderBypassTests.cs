using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Time;
using VerifyTST1005 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Time.TimeProviderBypassAnalyzer>;

namespace TestSmells.Analyzers.Tests.Time;

public class TimeProviderBypassTests
{
    private static Task Fix(string source, string fixedSource, Flavor? flavor = null)
        => VerifyFix<TimeProviderBypassAnalyzer, PassTimeProviderCodeFix>.CodeFixAsync(
            source, fixedSource, flavor, equivalenceKey: PassTimeProviderCodeFix.EquivalenceKey);

    [Fact]
    public Task Delays_timers_timeouts_and_token_sources_that_bypass_the_provider_are_reported()
        => VerifyTST1005.AnalyzerAsync(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Retrier(TimeProvider clock)
            {
                public async Task RunAsync(Task work, CancellationToken ct)
                {
                    await {|#0:Task.Delay(100)|};
                    await {|TST1005:Task.Delay(TimeSpan.FromSeconds(1), ct)|};
                    await {|TST1005:work.WaitAsync(TimeSpan.FromSeconds(5))|};
                    using var cts = {|TST1005:new CancellationTokenSource(TimeSpan.FromSeconds(5))|};
                    using var timer = {|TST1005:new Timer(_ => { }, null, 0, 1000)|};
                }
            }
            """,
            flavor: null,
            expected: new DiagnosticResult("TST1005", DiagnosticSeverity.Info).WithLocation(0).WithArguments("Task.Delay", "clock"));

    [Fact]
    public Task Calls_that_already_pass_the_provider_and_types_without_one_are_not_reported()
        => VerifyTST1005.AnalyzerAsync(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Retrier
            {
                private readonly TimeProvider _clock;

                public Retrier(TimeProvider clock) => _clock = clock;

                public async Task RunAsync(Task work, CancellationToken ct)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), _clock, ct);
                    await work.WaitAsync(TimeSpan.FromSeconds(5), _clock);
                    await work.WaitAsync(ct);
                    await Task.Delay(0);
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5), _clock);
                    using var plain = new CancellationTokenSource();
                    using var timer = _clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
                }

                public static Task Later() => Task.Delay(100);
            }

            public class NoClock
            {
                public Task Later() => Task.Delay(100);
            }
            """,
            flavor: null);

    [Fact]
    public Task A_FakeTimeProvider_member_is_a_fake_not_the_type_clock()
        => VerifyTST1005.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Time.Testing;

            public class Harness
            {
                public FakeTimeProvider Time { get; } = new FakeTimeProvider();

                public async Task SettleAsync()
                {
                    while (Time.GetUtcNow().Year < 2000)
                    {
                        await Task.Delay(10);
                    }
                }
            }
            """,
            flavor: null,
            Libs.TimeProviderTesting);

    [Fact]
    public Task Test_code_is_left_to_TST1001_and_TST1002()
        => VerifyTST1005.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, """
                    private readonly TimeProvider _clock = TimeProvider.System;

                    [Test]
                    public async Task Works()
                    {
                        for (var i = 0; i < 3 && _clock.GetUtcNow().Year > 2000; i++)
                        {
                            await Task.Delay(10);
                        }
                    }
                """),
            Flavor.XunitV3);

    [Fact]
    public Task Helpers_of_a_test_project_are_analyzed_like_production_code()
        => VerifyTST1005.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Xunit;

            public class SlowRepository(TimeProvider clock)
            {
                public Task SaveAsync() => {|TST1005:Task.Delay(50)|};
            }

            public class RepositoryTests
            {
                [Fact]
                public Task Saves() => new SlowRepository(TimeProvider.System).SaveAsync();
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task A_TimeProvider_implementation_is_not_reported()
        => VerifyTST1005.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;

            public sealed class SlowClock : TimeProvider
            {
                private readonly TimeProvider _inner = TimeProvider.System;

                public Task Tick() => Task.Delay(10);
            }
            """,
            flavor: null);

    [Fact]
    public Task Delay_gets_the_provider_before_the_token()
        => Fix(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Retrier(TimeProvider clock)
            {
                public async Task RunAsync(CancellationToken ct)
                {
                    await {|TST1005:Task.Delay(100)|};
                    await {|TST1005:Task.Delay(TimeSpan.FromSeconds(1), ct)|};
                }
            }
            """,
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Retrier(TimeProvider clock)
            {
                public async Task RunAsync(CancellationToken ct)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
                    await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
                }
            }
            """);

    [Fact]
    public Task WaitAsync_and_token_sources_get_the_provider()
        => Fix(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Gateway
            {
                private readonly TimeProvider _time;

                public Gateway(TimeProvider time) => _time = time;

                public async Task<int> CallAsync(Task<int> call, CancellationToken ct)
                {
                    using var cts = {|TST1005:new CancellationTokenSource(2000)|};
                    using var other = {|TST1005:new CancellationTokenSource(TimeSpan.FromSeconds(2))|};
                    return await {|TST1005:call.WaitAsync(TimeSpan.FromSeconds(5), ct)|};
                }
            }
            """,
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public class Gateway
            {
                private readonly TimeProvider _time;

                public Gateway(TimeProvider time) => _time = time;

                public async Task<int> CallAsync(Task<int> call, CancellationToken ct)
                {
                    using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(2000), _time);
                    using var other = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
                    return await call.WaitAsync(TimeSpan.FromSeconds(5), _time, ct);
                }
            }
            """);

    [Fact]
    public Task A_timer_becomes_CreateTimer_where_an_ITimer_fits()
        => Fix(
            """
            using System;
            using System.Threading;

            public class Heartbeat
            {
                private readonly TimeProvider _time;
                private IDisposable? _beat;

                public Heartbeat(TimeProvider time) => _time = time;

                public void Start()
                {
                    _beat = {|TST1005:new Timer(_ => { }, null, 0, Timeout.Infinite)|};
                    var probe = {|TST1005:new Timer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1))|};
                    probe.Change(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
                    probe.Dispose();
                }
            }
            """,
            """
            using System;
            using System.Threading;

            public class Heartbeat
            {
                private readonly TimeProvider _time;
                private IDisposable? _beat;

                public Heartbeat(TimeProvider time) => _time = time;

                public void Start()
                {
                    _beat = _time.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(0), Timeout.InfiniteTimeSpan);
                    var probe = _time.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
                    probe.Change(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
                    probe.Dispose();
                }
            }
            """);

    [Fact]
    public Task No_fix_for_a_timer_used_as_a_Timer()
        => VerifyFix<TimeProviderBypassAnalyzer, PassTimeProviderCodeFix>.NoFixAsync(
            """
            using System;
            using System.Threading;

            public class Heartbeat(TimeProvider time)
            {
                private Timer? _timer;

                public void Start()
                {
                    _timer = {|TST1005:new Timer(_ => { }, null, 0, 1000)|};
                    var local = {|TST1005:new Timer(_ => { }, null, 0, 1000)|};
                    local.Change(100, 100);
                }
            }
            """,
            flavor: null);

    [Fact]
    public Task Each_wait_is_judged_by_its_own_type_among_nested_types()
        => VerifyTST1005.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;

            public class Outer(TimeProvider clock)
            {
                public Task Wait() => {|#0:Task.Delay(100)|};

                public class NoProvider
                {
                    public Task Wait() => Task.Delay(100);
                }

                public class OwnProvider(TimeProvider inner)
                {
                    public Task Wait() => {|#1:Task.Delay(100)|};
                }
            }
            """,
            flavor: null,
            expected: new[]
            {
                new DiagnosticResult("TST1005", DiagnosticSeverity.Info).WithLocation(0).WithArguments("Task.Delay", "clock"),
                new DiagnosticResult("TST1005", DiagnosticSeverity.Info).WithLocation(1).WithArguments("Task.Delay", "inner"),
            });

    [Fact]
    public Task A_provider_declared_in_another_part_of_a_partial_type_counts()
        => VerifyTST1005.RunAsync(new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<TimeProviderBypassAnalyzer, DefaultVerifier>
        {
            TestState =
            {
                Sources =
                {
                    ("Poller.cs", """
                        using System;

                        public partial class Poller
                        {
                            private readonly TimeProvider _time = TimeProvider.System;
                        }
                        """),
                    ("Poller.Wait.cs", """
                        using System.Threading.Tasks;

                        public partial class Poller
                        {
                            public Task Wait() => {|#0:Task.Delay(250)|};
                        }
                        """),
                },
                ExpectedDiagnostics = { new DiagnosticResult("TST1005", DiagnosticSeverity.Info).WithLocation(0).WithArguments("Task.Delay", "_time") },
            },
            ReferenceAssemblies = References.For(null, Libs.None),
        });
}
