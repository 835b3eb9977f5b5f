using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Time;
using VerifyTST1003 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Time.WallClockAnalyzer>;

namespace TestSmells.Analyzers.Tests.Time;

public class WallClockTests
{
    private const string All = "test_smells.wall_clock = all";

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task With_the_option_all_every_wall_clock_read_in_a_test_is_reported(Flavor flavor)
        => VerifyTST1003.AnalyzerAsync(
            TestSource.Test(flavor, """
                var a = {|TST1003:DateTime.Now|};
                        var b = {|TST1003:DateTime.UtcNow|};
                        var c = {|TST1003:DateTime.Today|};
                        var d = {|TST1003:DateTimeOffset.Now|};
                        var e = {|TST1003:DateTimeOffset.UtcNow|};
                        var f = {|TST1003:TimeProvider.System|};
                        GC.KeepAlive(new object[] { a, b, c, d, e, f });
                """),
            flavor,
            editorConfig: All);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_read_handed_to_the_code_under_test_inside_an_assertion_is_reported(Flavor flavor)
        => VerifyTST1003.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                    [Test]
                    public async Task Works()
                    {
                        await Task.Yield();
                        {{Harness.Check(flavor, "IsWeekday({|TST1003:DateTimeOffset.UtcNow|})")}}
                    }

                    private static bool IsWeekday(DateTimeOffset at) => at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
                """, Harness.CheckUsings(flavor)),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Relative_test_data_is_not_reported_by_default(Flavor flavor)
        => VerifyTST1003.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                    private readonly DateTime _created = DateTime.UtcNow.AddDays(-1);

                    [Test]
                    public async Task Works()
                    {
                        await Task.Yield();
                        var expired = new Token { ExpiresAt = DateTime.UtcNow.AddDays(-1), Revised = DateTime.UtcNow, Local = DateTime.Now, Day = DateTime.Today };
                        var window = (From: DateTime.Now - TimeSpan.FromDays(8), To: DateTimeOffset.Now + TimeSpan.FromDays(8), Start: DateTime.UtcNow.Date);
                        var now = DateTimeOffset.UtcNow;
                        var same = Echo(now);
                        {{Harness.Check(flavor, "expired.ExpiresAt < expired.Revised && window.From < window.Start && same == now && _created < expired.Revised")}}
                    }

                    private static DateTimeOffset Echo(DateTimeOffset at) => at;

                    public sealed class Token
                    {
                        public DateTime ExpiresAt { get; set; }
                        public DateTime Revised { get; set; }
                        public DateTime Local { get; set; }
                        public DateTime Day { get; set; }
                    }
                """, Harness.CheckUsings(flavor)),
            flavor);

    [Fact]
    public Task Margins_orderings_and_tolerances_inside_assertions_are_not_reported()
        => VerifyTST1003.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV2, """
                var stamp = Stamp();
                        Assert.InRange(stamp, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
                        Assert.True(DateTime.UtcNow.AddMinutes(-1) < stamp && stamp <= DateTime.UtcNow.AddDays(2));
                        Assert.True(stamp <= DateTime.UtcNow);
                        Assert.Equal(DateTime.UtcNow, stamp, TimeSpan.FromSeconds(5));
                    }

                    private static DateTime Stamp() => new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

                    private static void Unused()
                    {
                """),
            Flavor.XunitV2);

    [Fact]
    public Task Data_handed_to_the_tests_own_asserting_helper_is_not_reported()
        => VerifyTST1003.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, """
                    [Test]
                    public void Works() => RunAndCheck(new[] { DateTime.UtcNow, DateTime.UtcNow.AddDays(-1) });

                    private static void RunAndCheck(DateTime[] added) => Assert.Equal(2, added.Length);
                """),
            Flavor.XunitV3);

    [Fact]
    public Task An_exact_instant_asserted_is_reported_in_each_assertion_library()
        => VerifyTST1003.AnalyzerAsync(
            """
            using System;
            using FluentAssertions;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Works()
                {
                    var created = Create();
                    Assert.Equal({|TST1003:DateTime.UtcNow|}.Date, created.Date);
                    created.Should().Be({|TST1003:DateTime.UtcNow|});
                    created.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromSeconds(1));
                }

                private static DateTime Create() => new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            }
            """,
            Flavor.XunitV2,
            Libs.FluentAssertions);

    [Fact]
    public Task Two_reads_compared_and_a_calendar_part_are_reported_a_polls_timeout_and_an_ordering_are_not()
        => VerifyTST1003.AnalyzerAsync(
            TestSource.Test(Flavor.NUnit4, """
                var start = DateTime.UtcNow;
                        Work();
                        var elapsed = {|TST1003:DateTime.UtcNow|} - start;
                        var status = 200 + {|TST1003:DateTime.Now|}.Millisecond % 5;
                        var leapDay = new DateTime({|TST1003:DateTime.UtcNow|}.Year, 2, 28).AddDays(1);
                        var deadline = DateTime.UtcNow.AddSeconds(5);
                        while (DateTime.UtcNow < deadline) { Work(); }
                        for (var i = 0; i < 3; i++) { if (DateTime.UtcNow > deadline) { break; } }
                        Assert.That(deadline, Is.GreaterThan(DateTime.UtcNow.AddDays(-1)));
                        Assert.That(elapsed.TotalSeconds + status + leapDay.Day, Is.GreaterThan(0));
                    }

                    private static void Work()
                    {
                """),
            Flavor.NUnit4);

    [Fact]
    public Task A_local_whose_day_or_month_the_test_takes_is_reported_at_its_read()
        => VerifyTST1003.AnalyzerAsync(
            TestSource.Test(Flavor.NUnit3, """
                var today = {|TST1003:DateTime.UtcNow|};
                        var requested = today.AddHours(-1);
                        var firstOfMonth = new DateTime(today.Year, today.Month, 1);
                        var anchor = DateTime.UtcNow.AddDays(-1);
                        Assert.That(requested.AddDays(1).Date, Is.EqualTo(firstOfMonth.AddDays(anchor < requested ? 0 : 1)));
                """),
            Flavor.NUnit3);

    [Theory]
    [InlineData(Flavor.XunitV3)]
    [InlineData(Flavor.MSTest4)]
    public Task Every_read_beside_a_fake_TimeProvider_of_the_test_is_reported(Flavor flavor)
        => VerifyTST1003.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                    private readonly FakeTimeProvider _time = new FakeTimeProvider();

                    [Test]
                    public void Works()
                    {
                        var created = {|TST1003:DateTime.UtcNow|}.AddDays(-1);
                        var clock = {|TST1003:TimeProvider.System|};
                        GC.KeepAlive(new object[] { created, clock, _time });
                    }
                """, "using Microsoft.Extensions.Time.Testing;"),
            flavor,
            Libs.TimeProviderTesting);

    [Fact]
    public Task Helpers_and_setup_of_a_test_class_are_test_code()
        => VerifyTST1003.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                    private readonly DateTime _start = {|TST1003:DateTime.UtcNow|};

                    [Test]
                    public void Works() => GC.KeepAlive(Stamp());

                    private static object Stamp() => {|#0:DateTimeOffset.UtcNow|};
                """),
            Flavor.NUnit4,
            editorConfig: All,
            expected: new DiagnosticResult("TST1003", DiagnosticSeverity.Info).WithLocation(0).WithArguments("DateTimeOffset.UtcNow", "reads the wall clock, so the test depends on when it runs"));

    [Fact]
    public Task Stopwatch_Guid_expression_trees_nameof_and_nested_fakes_are_not_reported()
        => VerifyTST1003.AnalyzerAsync(
            """
            using System;
            using System.Diagnostics;
            using System.Linq.Expressions;
            using Xunit;

            public class OrderTests
            {
                private sealed class FixedClock
                {
                    public DateTime Now => DateTime.UtcNow;
                }

                [Fact]
                public void Works()
                {
                    var watch = Stopwatch.StartNew();
                    var id = Guid.NewGuid();
                    Expression<Func<DateTime, bool>> overdue = d => d < DateTime.UtcNow;
                    var name = nameof(DateTime.Now);
                    var min = DateTime.MinValue;
                    GC.KeepAlive(new object[] { watch.Elapsed, id, overdue, name, min, new FixedClock() });
                }
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task Production_code_is_not_reported()
        => VerifyTST1003.AnalyzerAsync(
            """
            using System;

            public class Invoice
            {
                public DateTime Due() => DateTime.UtcNow.AddDays(30);
            }
            """,
            flavor: null);

    [Fact]
    public Task Reads_from_the_FakeTimeProvider_in_scope_keep_their_type()
        => VerifyFix<WallClockAnalyzer, WallClockCodeFix>.CodeFixAsync(
            """
            using System;
            using Microsoft.Extensions.Time.Testing;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Works()
                {
                    var fake = new FakeTimeProvider();
                    DateTime a = {|TST1003:DateTime.UtcNow|};
                    DateTime b = {|TST1003:DateTime.Now|};
                    DateTime c = {|TST1003:DateTime.Today|};
                    DateTimeOffset d = {|TST1003:DateTimeOffset.UtcNow|};
                    DateTimeOffset e = {|TST1003:DateTimeOffset.Now|};
                    TimeProvider f = {|TST1003:TimeProvider.System|};
                    Assert.True(a <= b.AddDays(2) && c <= a && d <= e.AddDays(1) && f is not null);
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Time.Testing;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Works()
                {
                    var fake = new FakeTimeProvider();
                    DateTime a = fake.GetUtcNow().UtcDateTime;
                    DateTime b = fake.GetLocalNow().DateTime;
                    DateTime c = fake.GetLocalNow().Date;
                    DateTimeOffset d = fake.GetUtcNow();
                    DateTimeOffset e = fake.GetLocalNow();
                    TimeProvider f = fake;
                    Assert.True(a <= b.AddDays(2) && c <= a && d <= e.AddDays(1) && f is not null);
                }
            }
            """,
            Flavor.XunitV2,
            Libs.TimeProviderTesting,
            WallClockCodeFix.UseFakeTimeProviderKey);

    [Theory]
    [InlineData(Flavor.NUnit4)]
    [InlineData(Flavor.MSTest4)]
    public Task A_FakeTimeProvider_field_is_used_from_instance_members(Flavor flavor)
        => VerifyFix<WallClockAnalyzer, WallClockCodeFix>.CodeFixAsync(
            TestSource.Class(flavor, $$"""
                    private readonly FakeTimeProvider _time = new FakeTimeProvider();

                    [Test]
                    public void Works()
                    {
                        var now = {|TST1003:DateTimeOffset.UtcNow|};
                        {{Harness.Check(flavor, "now.Year > 2000")}}
                    }
                """, "using Microsoft.Extensions.Time.Testing;"),
            TestSource.Class(flavor, $$"""
                    private readonly FakeTimeProvider _time = new FakeTimeProvider();

                    [Test]
                    public void Works()
                    {
                        var now = _time.GetUtcNow();
                        {{Harness.Check(flavor, "now.Year > 2000")}}
                    }
                """, "using Microsoft.Extensions.Time.Testing;"),
            flavor,
            Libs.TimeProviderTesting,
            WallClockCodeFix.UseFakeTimeProviderKey);

    [Fact]
    public Task Fixed_instants_keep_the_type_and_the_kind()
        => VerifyFix<WallClockAnalyzer, WallClockCodeFix>.CodeFixAsync(
            TestSource.Test(Flavor.XunitV3, """
                var a = {|TST1003:DateTime.UtcNow|};
                        var b = {|TST1003:DateTime.Now|};
                        var c = {|TST1003:DateTime.Today|};
                        var d = {|TST1003:DateTimeOffset.UtcNow|};
                        var e = {|TST1003:DateTimeOffset.Now|}.AddDays(1);
                        Assert.True(a <= b.AddDays(2) && c <= a && d <= e);
                """),
            TestSource.Test(Flavor.XunitV3, """
                var a = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                        var b = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Local);
                        var c = new DateTime(2025, 1, 1);
                        var d = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
                        var e = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(1);
                        Assert.True(a <= b.AddDays(2) && c <= a && d <= e);
                """),
            Flavor.XunitV3,
            equivalenceKey: WallClockCodeFix.UseFixedInstantKey,
            editorConfig: All);

    [Fact]
    public Task TimeProvider_System_becomes_a_FakeTimeProvider_at_a_fixed_instant()
        => VerifyFix<WallClockAnalyzer, WallClockCodeFix>.CodeFixAsync(
            TestSource.Test(Flavor.MSTest3, "TimeProvider clock = {|TST1003:TimeProvider.System|};\n        Assert.IsTrue(clock.GetUtcNow().Year >= 2025);"),
            TestSource.Test(Flavor.MSTest3, "TimeProvider clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));\n        Assert.IsTrue(clock.GetUtcNow().Year >= 2025);")
                .Replace("using Microsoft.VisualStudio.TestTools.UnitTesting;\n", "using Microsoft.Extensions.Time.Testing;\nusing Microsoft.VisualStudio.TestTools.UnitTesting;\n"),
            Flavor.MSTest3,
            Libs.TimeProviderTesting,
            WallClockCodeFix.UseFixedInstantKey,
            editorConfig: All);

    [Fact]
    public Task No_fixed_instant_inside_a_loop()
        => VerifyFix<WallClockAnalyzer, WallClockCodeFix>.NoFixAsync(
            TestSource.Test(Flavor.XunitV2, "while ({|TST1003:DateTime.UtcNow|}.Year < 2000) { }"),
            Flavor.XunitV2,
            equivalenceKey: WallClockCodeFix.UseFixedInstantKey);

    [Fact]
    public Task No_fake_from_a_static_member_when_the_fake_is_an_instance_field()
        => VerifyFix<WallClockAnalyzer, WallClockCodeFix>.NoFixAsync(
            TestSource.Class(Flavor.XunitV2, """
                    private readonly FakeTimeProvider _time = new FakeTimeProvider();

                    [Test]
                    public void Works() => GC.KeepAlive(Later());

                    private static DateTime Later() => {|TST1003:DateTime.UtcNow|}.AddDays(1);
                """, "using Microsoft.Extensions.Time.Testing;"),
            Flavor.XunitV2,
            Libs.TimeProviderTesting,
            WallClockCodeFix.UseFakeTimeProviderKey);
}
