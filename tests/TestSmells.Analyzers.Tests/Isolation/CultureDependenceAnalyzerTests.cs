using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.Isolation;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST4007 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Isolation.CultureDependenceAnalyzer>;

namespace TestSmells.Analyzers.Tests.Isolation;

public class CultureDependenceAnalyzerTests
{
    private const string Globalization = "using System.Globalization;";

    /// <summary>An equality assertion in the framework's idiom.</summary>
    private static string Equal(Flavor flavor, string expected, string actual) => flavor switch
    {
        Flavor.XunitV2 or Flavor.XunitV3 => $"Assert.Equal({expected}, {actual});",
        Flavor.NUnit3 or Flavor.NUnit4 => $"Assert.That({actual}, Is.EqualTo({expected}));",
        Flavor.MSTest3 or Flavor.MSTest4 => $"Assert.AreEqual({expected}, {actual});",
        _ => $"await Assert.That({actual}).IsEqualTo({expected});",
    };

    private static string Usings(Flavor flavor) => Globalization + "\n" + Asserting.Usings(flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_number_formatted_with_the_current_culture_compared_with_fixed_text_is_reported(Flavor flavor)
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(flavor, $$"""
                var total = 12.5m;
                {{Equal(flavor, "\"12.50\"", "{|TST4007:total.ToString(\"F2\")|}")}}
                """, extraUsings: Usings(flavor)),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_local_time_compared_with_a_fixed_value_is_reported(Flavor flavor)
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(flavor, $$"""
                var placedAt = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
                {{Equal(flavor, "10", "{|TST4007:placedAt.ToLocalTime()|}.Hour")}}
                """, extraUsings: Usings(flavor)),
            flavor);

    [Fact]
    public Task Every_formatting_and_parsing_shape_is_reported()
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV3, """
                var price = 1234.5;
                var day = new DateTime(2024, 2, 1);
                var offset = new DateTimeOffset(day, TimeSpan.Zero);
                Assert.Equal("1234.5", {|TST4007:price.ToString()|});
                Assert.Equal("02/01/2024", {|TST4007:day.ToString("MM/dd/yyyy")|});
                Assert.Equal("2024-02-01", {|TST4007:offset.ToString("yyyy-MM-dd")|});
                Assert.Equal("1.5", {|TST4007:1.5f.ToString()|});
                Assert.Equal("Total: 1,234.50", {|TST4007:string.Format("Total: {0:N2}", price)|});
                Assert.Equal("Total: 1234.5", {|TST4007:$"Total: {price}"|});
                Assert.Equal("Total: 1234.5", {|TST4007:"Total: " + price|});
                Assert.Equal({|TST4007:double.Parse("1234.5")|}, price);
                Assert.Equal({|TST4007:decimal.Parse("1,234.50")|}, 1234.5m);
                Assert.Equal({|TST4007:DateTime.Parse("02/01/2024")|}, day);
                Assert.Equal(TimeSpan.FromHours(1), {|TST4007:TimeZoneInfo.Local|}.BaseUtcOffset);
                """, extraUsings: Globalization),
            Flavor.XunitV3);

    [Fact]
    public Task Locals_assigned_once_are_followed_both_ways()
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(Flavor.NUnit4, """
                var total = 12.5m;
                var text = {|TST4007:total.ToString("F2")|};
                Assert.That(text, Is.EqualTo("12.50"));
                var expected = "12.50";
                Assert.That({|TST4007:total.ToString("F2")|}, Is.EqualTo(expected));
                """, extraUsings: Globalization),
            Flavor.NUnit4);

    [Fact]
    public Task Fluent_assertion_chains_are_assertions()
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV2, """
                var total = 12.5m;
                {|TST4007:total.ToString("F2")|}.Should().Be("12.50");
                """, extraUsings: "using FluentAssertions;"),
            Flavor.XunitV2,
            Libs.FluentAssertions);

    [Fact]
    public Task A_provider_or_an_invariant_handler_is_not_reported()
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV2, """
                var price = 1234.5;
                var day = new DateTime(2024, 2, 1);
                Assert.Equal("1234.5", price.ToString(CultureInfo.InvariantCulture));
                Assert.Equal("02/01/2024", day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));
                Assert.Equal("Total: 1234.5", FormattableString.Invariant($"Total: {price}"));
                Assert.Equal("Total: 1234.5", string.Create(CultureInfo.InvariantCulture, $"Total: {price}"));
                Assert.Equal("Total: 1,234.50", string.Format(CultureInfo.InvariantCulture, "Total: {0:N2}", price));
                Assert.Equal(double.Parse("1234.5", CultureInfo.InvariantCulture), price);
                Assert.Equal("42", 42.ToString());
                """, extraUsings: Globalization),
            Flavor.XunitV2);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Fixed_text_composed_around_the_value_moves_with_it_and_is_not_a_fixed_expectation(Flavor flavor)
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(flavor, $$"""
                var generatedAt = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
                var stamp = generatedAt.ToString("yyyy.MM.dd.HH.mm.ss");
                var index = "[\"https://base1/v3/" + stamp + "/base.json\"]";
                var entryId = index.Substring(2, index.Length - 4);
                {{Equal(flavor, "$\"https://base1/v3/{stamp}/base.json\"", "entryId")}}
                {{Equal(flavor, "\"https://base1/v3/\" + generatedAt.ToString(\"yyyy\")", "entryId")}}
                """, extraUsings: Usings(flavor)),
            flavor);

    [Fact]
    public Task Fixed_text_in_the_other_argument_is_still_a_fixed_expectation()
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV2, """
                var generatedAt = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
                var stamp = {|TST4007:generatedAt.ToString("yyyy.MM.dd")|};
                Assert.Equal("https://base1/2024.03.01/", $"https://base1/{stamp}/");
                Assert.True({|TST4007:generatedAt.ToString("d")|} == "3/1/2024");
                """, extraUsings: Globalization),
            Flavor.XunitV2);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task An_expected_instant_built_in_local_time_moves_with_the_zone(Flavor flavor)
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(flavor, $$"""
                var next = new DateTimeOffset(2009, 4, 6, 11, 5, 0, TimeSpan.Zero);
                {{Equal(flavor, "new DateTimeOffset(2009, 4, 6, 13, 5, 0, TimeZoneInfo.Local.GetUtcOffset(next))", "next")}}
                """, extraUsings: Usings(flavor)),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_test_whose_input_is_local_time_reads_its_result_in_local_time(Flavor flavor)
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(flavor, $$"""
                var start = new DateTime(2015, 1, 1).ToUniversalTime();
                var fire = start.AddHours(10);
                {{Equal(flavor, "new DateTime(2015, 1, 1, 10, 0, 0)", "fire.ToLocalTime()")}}
                """, extraUsings: Usings(flavor)),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_value_the_test_knows_to_be_local_is_read_in_local_time_without_a_finding(Flavor flavor)
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(flavor, $$"""
                var parsed = DateTime.SpecifyKind(new DateTime(2016, 12, 31), DateTimeKind.Local);
                {{Equal(flavor, "0", "parsed.ToLocalTime().Hour")}}
                """, extraUsings: Usings(flavor)),
            flavor);

    [Fact]
    public Task A_time_zone_read_passed_to_a_conversion_is_still_reported()
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(Flavor.NUnit4, """
                var utc = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
                var start = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUniversalTime();
                Assert.That(TimeZoneInfo.ConvertTimeFromUtc(utc, {|TST4007:TimeZoneInfo.Local|}).Hour, Is.EqualTo(10));
                Assert.That(new DateTimeOffset({|TST4007:utc.ToLocalTime()|}).Hour, Is.EqualTo(10));
                """, extraUsings: Globalization),
            Flavor.NUnit4);

    [Fact]
    public Task Values_not_compared_with_a_fixed_value_are_not_reported()
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Class(Flavor.MSTest4, """
                    private static string Render(decimal value) => value.ToString("C");

                    [TestMethod]
                    public void Works()
                    {
                        var a = 1.5m;
                        var b = 1.50m;
                        var utc = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
                        Assert.AreEqual(a.ToString("F2"), b.ToString("F2"));
                        Assert.AreEqual($"{a} EUR", Render(a) + " EUR");
                        Assert.AreEqual(utc.ToLocalTime(), utc.ToLocalTime());
                        Assert.AreEqual(Render(a), a.ToString("C"), "row 1 differs");
                        Assert.AreEqual(DateTime.Parse("2024-03-01T09:00:00"), utc.Date.AddHours(9));
                        Assert.AreEqual(double.Parse("15"), 15.0);
                        Assert.IsTrue(DateTime.Now > utc);
                        var text = a.ToString();
                        Console.WriteLine(text);
                        Assert.ThrowsExactly<FormatException>(() => { _ = double.Parse("1,5x") == 1.5; });
                    }
                """, Globalization),
            Flavor.MSTest4);

    [Fact]
    public Task A_culture_pinned_by_attribute_or_setup_is_not_reported()
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                    [Test]
                    [SetCulture("en-US")]
                    public void Pinned_on_the_method() => Assert.That(12.5m.ToString("F2"), Is.EqualTo("12.50"));

                    [Test]
                    public void Time_zone_is_not_pinned_by_a_culture() => Assert.That({|TST4007:new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToLocalTime()|}.Hour, Is.EqualTo(1));
                """, Globalization).Replace("public class OrderTests", "[SetCulture(\"en-US\")]\npublic class OrderTests"),
            Flavor.NUnit4);

    [Fact]
    public Task A_culture_set_in_the_constructor_or_a_custom_attribute_is_not_reported()
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV3, """
                    public OrderTests() => CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

                    [Fact]
                    public void Works() => Assert.Equal("12.50", 12.5m.ToString("F2"));
                """, Globalization) + """

            public sealed class UseCultureAttribute : Attribute { public UseCultureAttribute(string name) { } }

            public class InvoiceTests
            {
                [Fact, UseCulture("en-US")]
                public void Works() => Assert.Equal("12.50", 12.5m.ToString("F2"));
            }
            """,
            Flavor.XunitV3);

    [Fact]
    public async Task A_culture_set_for_every_thread_anywhere_in_the_assembly_is_not_reported()
    {
        var test = new CSharpAnalyzerTest<CultureDependenceAnalyzer, DefaultVerifier>
        {
            TestCode = TestSource.Test(Flavor.XunitV2, """Assert.Equal("12.50", 12.5m.ToString("F2"));"""),
            ReferenceAssemblies = References.For(Flavor.XunitV2),
        };
        test.TestState.Sources.Add("""
            using System.Globalization;

            internal static class CultureSetup
            {
                [System.Runtime.CompilerServices.ModuleInitializer]
                internal static void Pin() => CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            }
            """);
        await VerifyTST4007.RunAsync(test);
    }

    [Fact]
    public Task Production_code_nested_fakes_and_expression_trees_are_not_reported()
        => VerifyTST4007.AnalyzerAsync(
            """
            using System;
            using System.Linq.Expressions;
            using Xunit;

            public static class Money
            {
                public static bool Check(decimal value) => value.ToString("F2") == "12.50";
            }

            public class MoneyTests
            {
                private sealed class FakeFormatter
                {
                    public void Check(decimal value) => Assert.Equal("12.50", value.ToString("F2"));
                }

                [Fact]
                public void Works()
                {
                    Expression<Func<bool>> described = () => 12.5m.ToString("F2") == "12.50";
                    Assert.NotNull(described);
                }
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task The_message_names_the_value_and_the_setting()
        => VerifyTST4007.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV2, """
                var utc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                Assert.Equal("1.5", {|#0:1.5.ToString()|});
                Assert.Equal(1, {|#1:utc.ToLocalTime()|}.Hour);
                """),
            Flavor.XunitV2,
            expected: new[]
            {
                VerifyTST4007.Diagnostic("TST4007").WithSeverity(DiagnosticSeverity.Info).WithLocation(0)
                    .WithArguments("'1.5.ToString()'", "formats with the current culture", "culture", "pass CultureInfo.InvariantCulture (or the culture the test is about)"),
                VerifyTST4007.Diagnostic("TST4007").WithSeverity(DiagnosticSeverity.Info).WithLocation(1)
                    .WithArguments("'utc.ToLocalTime()'", "converts to the machine's time zone", "time zone", "compare in UTC or convert with an explicit TimeZoneInfo"),
            });
}
