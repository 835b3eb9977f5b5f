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
    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Wall_clock_reads_in_a_test_are_reported(Flavor flavor)
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
            flavor);

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
            expected: new DiagnosticResult("TST1003", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("DateTimeOffset.UtcNow"));

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
            equivalenceKey: WallClockCodeFix.UseFixedInstantKey);

    [Fact]
    public Task TimeProvider_System_becomes_a_FakeTimeProvider_at_a_fixed_instant()
        => VerifyFix<WallClockAnalyzer, WallClockCodeFix>.CodeFixAsync(
            TestSource.Test(Flavor.MSTest3, "TimeProvider clock = {|TST1003:TimeProvider.System|};\n        Assert.IsTrue(clock.GetUtcNow().Year >= 2025);"),
            TestSource.Test(Flavor.MSTest3, "TimeProvider clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));\n        Assert.IsTrue(clock.GetUtcNow().Year >= 2025);")
                .Replace("using Microsoft.VisualStudio.TestTools.UnitTesting;\n", "using Microsoft.Extensions.Time.Testing;\nusing Microsoft.VisualStudio.TestTools.UnitTesting;\n"),
            Flavor.MSTest3,
            Libs.TimeProviderTesting,
            WallClockCodeFix.UseFixedInstantKey);

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
