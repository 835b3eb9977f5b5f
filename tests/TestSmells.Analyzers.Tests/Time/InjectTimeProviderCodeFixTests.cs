using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Time;

namespace TestSmells.Analyzers.Tests.Time;

public class InjectTimeProviderCodeFixTests
{
    private static Task Fix(string source, string fixedSource, bool clean = true)
        => clean
            ? VerifyFix<AmbientClockAnalyzer, InjectTimeProviderCodeFix>.CodeFixAsync(
                source, fixedSource, flavor: null, equivalenceKey: InjectTimeProviderCodeFix.EquivalenceKey)
            : FixLeavingUnfixableReads(source, fixedSource);

    /// <summary>A fix whose output keeps reads the fix cannot reach, written as markup in <paramref name="fixedSource"/>; the output must compile.</summary>
    private static async Task FixLeavingUnfixableReads(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<AmbientClockAnalyzer, InjectTimeProviderCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = References.For(null),
            CodeActionEquivalenceKey = InjectTimeProviderCodeFix.EquivalenceKey,
        };
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await Harness.VerifyAsync(test);
    }

    [Fact]
    public Task A_class_without_constructor_gets_a_field_and_a_constructor_and_keeps_a_parameterless_one()
        => Fix(
            """
            using System;

            public class Invoice
            {
                private readonly int _days = 30;

                public DateTime Due() => {|TST1004:DateTime.UtcNow|}.AddDays(_days);

                public bool IsToday(DateTime d) => d.Date == {|TST1004:DateTime.Today|};
            }
            """,
            """
            using System;

            public class Invoice
            {
                private readonly int _days = 30;
                private readonly TimeProvider _timeProvider;

                public Invoice() : this(TimeProvider.System)
                {
                }

                public Invoice(TimeProvider timeProvider)
                {
                    _timeProvider = timeProvider;
                }

                public DateTime Due() => _timeProvider.GetUtcNow().UtcDateTime.AddDays(_days);

                public bool IsToday(DateTime d) => d.Date == _timeProvider.GetLocalNow().Date;
            }
            """);

    [Fact]
    public Task Every_constructor_gets_an_optional_parameter_and_a_parameterless_one_an_overload()
        => Fix(
            """
            using System;

            public class Invoice : Document
            {
                private readonly DateTime _issued;

                public Invoice(int days) : base(days)
                {
                    _issued = {|TST1004:DateTime.UtcNow|};
                }

                public Invoice(string note, int days = 30) : base(days) => Note = note;

                public Invoice() : this(30) { }

                public string? Note { get; }

                public bool IsLate() => {|TST1004:DateTimeOffset.UtcNow|} > _issued.AddDays(Days);
            }

            public class Document
            {
                public Document(int days) => Days = days;

                public int Days { get; }
            }
            """,
            """
            using System;

            public class Invoice : Document
            {
                private readonly DateTime _issued;
                private readonly TimeProvider _timeProvider;

                public Invoice(int days, TimeProvider timeProvider = null) : base(days)
                {
                    _timeProvider = timeProvider ?? TimeProvider.System;
                    _issued = _timeProvider.GetUtcNow().UtcDateTime;
                }

                public Invoice(string note, int days = 30, TimeProvider timeProvider = null) : base(days)
                {
                    _timeProvider = timeProvider ?? TimeProvider.System;
                    Note = note;
                }

                public Invoice() : this(30) { }

                public Invoice(TimeProvider timeProvider) : this()
                {
                    _timeProvider = timeProvider;
                }

                public string? Note { get; }

                public bool IsLate() => _timeProvider.GetUtcNow() > _issued.AddDays(Days);
            }

            public class Document
            {
                public Document(int days) => Days = days;

                public int Days { get; }
            }
            """);

    [Fact]
    public Task A_primary_constructor_keeps_its_signature_and_gets_an_overload()
        => Fix(
            """
            using System;

            public class Invoice(int days)
            {
                public DateTime Issued { get; } = {|TST1004:DateTime.Now|};

                public Invoice() : this(30) { }

                public DateTimeOffset Due() => {|TST1004:DateTimeOffset.Now|}.AddDays(days);
            }
            """,
            """
            using System;

            public class Invoice(int days)
            {
                private readonly TimeProvider _timeProvider = TimeProvider.System;

                public Invoice(int days, TimeProvider timeProvider) : this(days)
                {
                    _timeProvider = timeProvider;
                }

                public DateTime Issued { get; } = {|TST1004:DateTime.Now|};

                public Invoice() : this(30) { }

                public DateTimeOffset Due() => _timeProvider.GetLocalNow().AddDays(days);
            }
            """,
            clean: false);

    [Fact]
    public Task A_positional_record_keeps_its_parameters_and_deconstruction()
        => Fix(
            """
            using System;

            public record Invoice(int Days)
            {
                public DateTime Due => {|TST1004:DateTime.UtcNow|}.AddDays(Days);
            }
            """,
            """
            using System;

            public record Invoice(int Days)
            {
                private readonly TimeProvider _timeProvider = TimeProvider.System;

                public Invoice(int Days, TimeProvider timeProvider) : this(Days)
                {
                    _timeProvider = timeProvider;
                }

                public DateTime Due => _timeProvider.GetUtcNow().UtcDateTime.AddDays(Days);
            }
            """);

    [Fact]
    public Task A_struct_gets_a_field_and_a_constructor()
        => Fix(
            """
            using System;

            public readonly struct Stamp
            {
                public DateTimeOffset Now() => {|TST1004:DateTimeOffset.UtcNow|};
            }
            """,
            """
            using System;

            public readonly struct Stamp
            {
                private readonly TimeProvider _timeProvider;

                public Stamp(TimeProvider timeProvider)
                {
                    _timeProvider = timeProvider;
                }

                public DateTimeOffset Now() => _timeProvider.GetUtcNow();
            }
            """);

    [Fact]
    public Task An_existing_TimeProvider_field_is_reused()
        => Fix(
            """
            using System;

            public class Invoice
            {
                private readonly TimeProvider _clock;

                public Invoice(TimeProvider clock) => _clock = clock;

                public DateTimeOffset Issued() => _clock.GetUtcNow();

                public DateTime Due() => {|TST1004:DateTime.UtcNow|}.AddDays(30);
            }
            """,
            """
            using System;

            public class Invoice
            {
                private readonly TimeProvider _clock;

                public Invoice(TimeProvider clock) => _clock = clock;

                public DateTimeOffset Issued() => _clock.GetUtcNow();

                public DateTime Due() => _clock.GetUtcNow().UtcDateTime.AddDays(30);
            }
            """);

    [Fact]
    public Task An_existing_TimeProvider_property_of_a_base_class_is_reused()
        => Fix(
            """
            using System;

            public abstract class Service
            {
                protected Service(TimeProvider time) => Time = time;

                protected TimeProvider Time { get; }
            }

            public class Invoice : Service
            {
                public Invoice(TimeProvider time) : base(time) { }

                public DateTime Due() => {|TST1004:DateTime.Today|}.AddDays(30);
            }
            """,
            """
            using System;

            public abstract class Service
            {
                protected Service(TimeProvider time) => Time = time;

                protected TimeProvider Time { get; }
            }

            public class Invoice : Service
            {
                public Invoice(TimeProvider time) : base(time) { }

                public DateTime Due() => Time.GetLocalNow().Date.AddDays(30);
            }
            """);

    [Fact]
    public Task An_existing_primary_constructor_parameter_is_reused()
        => Fix(
            """
            using System;

            public class Invoice(TimeProvider clock)
            {
                public DateTimeOffset Issued { get; } = clock.GetUtcNow();

                public DateTime Due() => {|TST1004:DateTime.UtcNow|}.AddDays(30);
            }
            """,
            """
            using System;

            public class Invoice(TimeProvider clock)
            {
                public DateTimeOffset Issued { get; } = clock.GetUtcNow();

                public DateTime Due() => clock.GetUtcNow().UtcDateTime.AddDays(30);
            }
            """);

    [Fact]
    public Task A_constructor_parameter_of_type_TimeProvider_is_stored_instead_of_adding_one()
        => Fix(
            """
            using System;

            public class Invoice : Base
            {
                public Invoice(TimeProvider clock) : base(clock) { }

                public DateTime Due() => {|TST1004:DateTime.UtcNow|}.AddDays(30);
            }

            public class Base
            {
                public Base(TimeProvider clock) { }
            }
            """,
            """
            using System;

            public class Invoice : Base
            {
                private readonly TimeProvider _timeProvider;

                public Invoice(TimeProvider clock) : base(clock)
                {
                    _timeProvider = clock;
                }

                public DateTime Due() => _timeProvider.GetUtcNow().UtcDateTime.AddDays(30);
            }

            public class Base
            {
                public Base(TimeProvider clock) { }
            }
            """);

    [Fact]
    public Task Static_members_and_field_initializers_keep_their_reads_when_a_field_is_added()
        => Fix(
            """
            using System;

            public class Invoice
            {
                private readonly DateTime _created = {|TST1004:DateTime.UtcNow|};

                public static DateTime Stamp() => {|TST1004:DateTime.UtcNow|};

                public DateTime Due() => {|TST1004:DateTime.UtcNow|}.AddDays(30);
            }
            """,
            """
            using System;

            public class Invoice
            {
                private readonly DateTime _created = {|TST1004:DateTime.UtcNow|};
                private readonly TimeProvider _timeProvider;

                public Invoice() : this(TimeProvider.System)
                {
                }

                public Invoice(TimeProvider timeProvider)
                {
                    _timeProvider = timeProvider;
                }

                public static DateTime Stamp() => {|TST1004:DateTime.UtcNow|};

                public DateTime Due() => _timeProvider.GetUtcNow().UtcDateTime.AddDays(30);
            }
            """,
            clean: false);

    [Fact]
    public Task No_fix_in_a_static_class()
        => VerifyFix<AmbientClockAnalyzer, InjectTimeProviderCodeFix>.NoFixAsync(
            """
            using System;

            public static class Stamps
            {
                public static DateTime Now() => {|TST1004:DateTime.UtcNow|};
            }
            """,
            flavor: null);

    [Fact]
    public Task No_fix_for_a_read_in_a_struct_lambda_or_a_static_local_function()
        => VerifyFix<AmbientClockAnalyzer, InjectTimeProviderCodeFix>.NoFixAsync(
            """
            using System;

            public struct Stamp
            {
                public Func<DateTime> Later() => () => {|TST1004:DateTime.UtcNow|};
            }

            public class Invoice
            {
                public DateTime Due()
                {
                    return Now();
                    static DateTime Now() => {|TST1004:DateTime.UtcNow|};
                }
            }
            """,
            flavor: null);

    [Fact]
    public Task The_using_for_TimeProvider_is_added_when_the_file_lacks_it()
        => Fix(
            """
            public class Invoice
            {
                public System.DateTime Due() => {|TST1004:System.DateTime.UtcNow|}.AddDays(30);
            }
            """,
            """
            using System;

            public class Invoice
            {
                private readonly TimeProvider _timeProvider;

                public Invoice() : this(TimeProvider.System)
                {
                }

                public Invoice(TimeProvider timeProvider)
                {
                    _timeProvider = timeProvider;
                }

                public System.DateTime Due() => _timeProvider.GetUtcNow().UtcDateTime.AddDays(30);
            }
            """);

    [Fact]
    public Task Overloads_where_an_optional_parameter_would_break_calls_and_TimeProvider_nullable_where_annotations_are_on()
        => Fix(
            """
            #nullable enable
            using System;

            public class Seats
            {
                private readonly int _count;

                public Seats(int count) { _count = count; }

                public Seats(int count, string label = "") { _count = count + label.Length; }

                public Seats(string name, params int[] rows) { _count = rows.Length + name.Length; }

                public DateTime Stamp() => {|TST1004:DateTime.UtcNow|}.AddDays(_count);
            }
            """,
            """
            #nullable enable
            using System;

            public class Seats
            {
                private readonly int _count;
                private readonly TimeProvider _timeProvider;

                public Seats(int count)
                {
                    _timeProvider = TimeProvider.System;
                    _count = count;
                }

                public Seats(int count, TimeProvider timeProvider) : this(count)
                {
                    _timeProvider = timeProvider;
                }

                public Seats(int count, string label = "", TimeProvider? timeProvider = null)
                {
                    _timeProvider = timeProvider ?? TimeProvider.System;
                    _count = count + label.Length;
                }

                public Seats(string name, params int[] rows)
                {
                    _timeProvider = TimeProvider.System;
                    _count = rows.Length + name.Length;
                }

                public Seats(string name, int[] rows, TimeProvider timeProvider) : this(name, rows)
                {
                    _timeProvider = timeProvider;
                }

                public DateTime Stamp() => _timeProvider.GetUtcNow().UtcDateTime.AddDays(_count);
            }
            """);

    [Fact]
    public Task Required_members_and_a_constructor_that_already_takes_a_TimeProvider()
        => Fix(
            """
            #nullable enable
            using System;
            using System.Diagnostics.CodeAnalysis;

            public class Account
            {
                [SetsRequiredMembers]
                public Account() : this("nobody") { }

                [SetsRequiredMembers]
                public Account(string owner) : this(owner, TimeProvider.System) { }

                [SetsRequiredMembers]
                public Account(string owner, TimeProvider clock)
                {
                    Owner = owner + clock.LocalTimeZone.Id;
                }

                public Account(int id) => Id = id;

                public required string Owner { get; init; }

                public int Id { get; }

                public DateTime Opened() => {|TST1004:DateTime.UtcNow|};
            }
            """,
            """
            #nullable enable
            using System;
            using System.Diagnostics.CodeAnalysis;

            public class Account
            {
                private readonly TimeProvider _timeProvider;

                [SetsRequiredMembers]
                public Account() : this("nobody") { }

                [SetsRequiredMembers]
                public Account(TimeProvider timeProvider) : this()
                {
                    _timeProvider = timeProvider;
                }

                [SetsRequiredMembers]
                public Account(string owner) : this(owner, TimeProvider.System) { }

                [SetsRequiredMembers]
                public Account(string owner, TimeProvider clock)
                {
                    _timeProvider = clock;
                    Owner = owner + clock.LocalTimeZone.Id;
                }

                public Account(int id, TimeProvider? timeProvider = null)
                {
                    _timeProvider = timeProvider ?? TimeProvider.System;
                    Id = id;
                }

                public required string Owner { get; init; }

                public int Id { get; }

                public DateTime Opened() => _timeProvider.GetUtcNow().UtcDateTime;
            }
            """);

    [Fact]
    public async Task With_Microsoft_Bcl_TimeProvider_on_netstandard20_the_rule_and_the_fix_work()
    {
        var test = new CSharpCodeFixTest<AmbientClockAnalyzer, InjectTimeProviderCodeFix, DefaultVerifier>
        {
            TestCode = """
                using System;

                public class Invoice
                {
                    public DateTimeOffset Issued() => {|TST1004:DateTimeOffset.UtcNow|};
                }
                """,
            FixedCode = """
                using System;

                public class Invoice
                {
                    private readonly TimeProvider _timeProvider;

                    public Invoice() : this(TimeProvider.System)
                    {
                    }

                    public Invoice(TimeProvider timeProvider)
                    {
                        _timeProvider = timeProvider;
                    }

                    public DateTimeOffset Issued() => _timeProvider.GetUtcNow();
                }
                """,
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20.AddPackages(
                System.Collections.Immutable.ImmutableArray.Create(References.Package("Microsoft.Bcl.TimeProvider"))),
            CodeActionEquivalenceKey = InjectTimeProviderCodeFix.EquivalenceKey,
        };
        await Harness.VerifyAsync(test);
    }
}
