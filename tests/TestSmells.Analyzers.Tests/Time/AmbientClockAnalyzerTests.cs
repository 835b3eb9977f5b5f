using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST1004 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Time.AmbientClockAnalyzer>;

namespace TestSmells.Analyzers.Tests.Time;

public class AmbientClockAnalyzerTests
{
    private static DiagnosticResult Info(int location, string read, string type)
        => new DiagnosticResult("TST1004", DiagnosticSeverity.Info).WithLocation(location).WithArguments(read, type);

    [Fact]
    public Task Every_ambient_clock_read_in_production_code_is_reported()
        => VerifyTST1004.AnalyzerAsync(
            """
            using System;

            public class Invoice
            {
                public DateTime Local => {|#0:DateTime.Now|};
                public DateTime Utc => {|#1:DateTime.UtcNow|};
                public DateTime Day => {|#2:DateTime.Today|};
                public DateTimeOffset LocalOffset => {|#3:DateTimeOffset.Now|};
                public DateTimeOffset UtcOffset => {|#4:DateTimeOffset.UtcNow|};
                public static DateTime Stamp() => {|#5:DateTime.UtcNow|};
            }
            """,
            flavor: null,
            expected: new[]
            {
                Info(0, "DateTime.Now", "Invoice"),
                Info(1, "DateTime.UtcNow", "Invoice"),
                Info(2, "DateTime.Today", "Invoice"),
                Info(3, "DateTimeOffset.Now", "Invoice"),
                Info(4, "DateTimeOffset.UtcNow", "Invoice"),
                Info(5, "DateTime.UtcNow", "Invoice"),
            });

    [Fact]
    public Task A_read_under_using_static_is_reported()
        => VerifyTST1004.AnalyzerAsync(
            """
            using static System.DateTime;

            public class Invoice
            {
                public System.DateTime Due() => {|#0:UtcNow|}.AddDays(30);
            }
            """,
            flavor: null,
            expected: Info(0, "DateTime.UtcNow", "Invoice"));

    [Fact]
    public Task Test_code_is_not_production_code()
        => VerifyTST1004.AnalyzerAsync(
            """
            using System;

            public class Invoice
            {
                public DateTime Due() => DateTime.UtcNow.AddDays(30);
            }
            """,
            Flavor.XunitV3);

    [Fact]
    public Task A_TimeProvider_implementation_and_the_types_inside_it_are_not_reported()
        => VerifyTST1004.AnalyzerAsync(
            """
            using System;

            public sealed class OfficeHoursClock : TimeProvider
            {
                public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddHours(1);

                private sealed class Cache
                {
                    public DateTime Filled { get; } = DateTime.UtcNow;
                }
            }
            """,
            flavor: null);

    [Fact]
    public Task TimeProvider_System_is_how_production_code_picks_the_real_clock()
        => VerifyTST1004.AnalyzerAsync(
            """
            using System;

            public class Invoice(TimeProvider clock)
            {
                public Invoice() : this(TimeProvider.System) { }
                public DateTimeOffset Due() => clock.GetUtcNow().AddDays(30);
            }
            """,
            flavor: null);

    [Fact]
    public Task Reads_inside_expression_trees_are_data_not_clock_reads()
        => VerifyTST1004.AnalyzerAsync(
            """
            using System;
            using System.Linq;
            using System.Linq.Expressions;

            public class Invoices
            {
                public IQueryable<DateTime> Overdue(IQueryable<DateTime> due) => due.Where(d => d < DateTime.UtcNow);
                public Expression<Func<DateTime>> Now { get; } = () => DateTime.Now;
            }
            """,
            flavor: null);

    [Fact]
    public Task Other_DateTime_members_are_not_clock_reads()
        => VerifyTST1004.AnalyzerAsync(
            """
            using System;
            using System.Diagnostics;

            public class Invoice
            {
                public DateTime Min => DateTime.MinValue;
                public DateTime Parsed => DateTime.Parse("2025-01-01");
                public long Ticks(DateTime d) => d.Ticks;
                public string Name => nameof(DateTime.Now);
                public TimeSpan Elapsed(Stopwatch s) => s.Elapsed;
            }
            """,
            flavor: null);

    [Fact]
    public Task Without_TimeProvider_nothing_is_reported()
        => Harness.VerifyAsync(new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<TestSmells.Analyzers.Time.AmbientClockAnalyzer, DefaultVerifier>
        {
            TestCode = """
                using System;

                public class Invoice
                {
                    public DateTime Due() => DateTime.UtcNow.AddDays(30);
                }
                """,
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
        });

    [Fact]
    public Task Reads_in_lambdas_local_functions_initializers_and_constructor_calls_are_reported_for_their_type()
        => VerifyTST1004.AnalyzerAsync(
            """
            using System;
            using System.Linq;

            public class Stamp(DateTime at)
            {
                public DateTime At => at;
            }

            public class Audit : Stamp
            {
                private readonly DateTime _created = {|#0:DateTime.UtcNow|};

                public Audit() : base({|#1:DateTime.UtcNow|}) { }

                public DateTime Opened { get; } = {|#2:DateTimeOffset.UtcNow|}.UtcDateTime;

                public bool AnyLate(DateTime[] due)
                {
                    return due.Any(d => d < {|#3:DateTime.Now|}) || Late();

                    bool Late() => _created.Date < {|#4:DateTime.Today|};
                }
            }
            """,
            flavor: null,
            expected: new[]
            {
                Info(0, "DateTime.UtcNow", "Audit"),
                Info(1, "DateTime.UtcNow", "Audit"),
                Info(2, "DateTimeOffset.UtcNow", "Audit"),
                Info(3, "DateTime.Now", "Audit"),
                Info(4, "DateTime.Today", "Audit"),
            });

    [Fact]
    public Task A_read_spelt_with_a_unicode_escape_is_still_a_read()
        => VerifyTST1004.AnalyzerAsync(
            """
            using System;

            public class Invoice
            {
                public DateTime Issued() => {|#0:DateTime.\u0055tcNow|};
            }
            """,
            flavor: null,
            expected: Info(0, "DateTime.UtcNow", "Invoice"));

    [Fact]
    public Task Names_in_comments_documentation_strings_and_disabled_code_are_not_reads()
        => VerifyTST1004.AnalyzerAsync(
            """
            using System;

            public class Invoice
            {
                /// <summary>Not <see cref="DateTime.Now"/>: see <see cref="DateTimeOffset.UtcNow"/>.</summary>
                public string Describe() => "DateTime.UtcNow"; // DateTime.Today

            #if NEVER_DEFINED
                public DateTime Old() => DateTime.Now;
            #endif

                public int Now { get; } = 3;

                public int Today() => Now;
            }
            """,
            flavor: null);
}
