using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Time;

namespace TestSmells.Analyzers.Tests.Baseline;

/// <summary>
/// testsmells.baseline, read by every analyzer through the base class (TST1001 stands for all of them
/// here; BaselineEveryRuleTests runs every rule against a baseline of its own findings).
/// </summary>
public class BaselineTests
{
    private const string BaselinePath = "/0/testsmells.baseline";

    private const string Header = "# testsmells baseline\n[TestProject]\n";

    private const string TwoSleeps = """
        using System.Threading;
        using Xunit;

        namespace Shop;

        public class OrderTests
        {
            [Fact]
            public void Ships()
            {
                [|Thread.Sleep(100)|];
                [|Thread.Sleep(200)|];
            }

            [Fact]
            public void Bills() => [|Thread.Sleep(300)|];
        }
        """;

    private static Task RunAsync(string source, string baseline, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ThreadSleepAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = References.For(Flavor.XunitV2, Libs.None),
        };
        test.TestState.AdditionalReferences.AddRange(References.Additional(Flavor.XunitV2));
        test.TestState.AdditionalFiles.Add((BaselinePath, baseline));
        test.ExpectedDiagnostics.AddRange(expected);
        return Verify<ThreadSleepAnalyzer>.RunAsync(test);
    }

    private static string Unmarked(string source) => source.Replace("[|", string.Empty).Replace("|]", string.Empty);

    private static DiagnosticResult StaleAt(string baseline, int line)
    {
        var text = baseline.Split('\n')[line - 1];
        return new DiagnosticResult("TSTB002", DiagnosticSeverity.Info).WithSpan(BaselinePath, line, 1, line, 1 + text.Length);
    }

    [Fact]
    public Task Without_a_baseline_every_finding_is_reported()
        => Verify<ThreadSleepAnalyzer>.AnalyzerAsync(TwoSleeps.Replace("[|", "{|TST1001:").Replace("|]", "|}"), Flavor.XunitV2);

    [Fact]
    public Task Findings_covered_by_their_entries_are_not_reported()
        => RunAsync(
            Unmarked(TwoSleeps),
            Header + "TST1001 M:Shop.OrderTests.Bills 1\nTST1001 M:Shop.OrderTests.Ships 2\n");

    [Fact]
    public Task A_member_without_an_entry_is_still_reported()
        => RunAsync(
            Unmarked(TwoSleeps).Replace("public void Bills() => Thread.Sleep(300);", "public void Bills() => {|TST1001:Thread.Sleep(300)|};"),
            Header + "TST1001 M:Shop.OrderTests.Ships 2\n");

    [Fact]
    public Task A_member_with_more_findings_than_its_count_reports_all_of_them()
        => RunAsync(
            TwoSleeps.Replace("[|", "{|TST1001:").Replace("|]", "|}").Replace("public void Bills() => {|TST1001:Thread.Sleep(300)|};", "public void Bills() => Thread.Sleep(300);"),
            Header + "TST1001 M:Shop.OrderTests.Bills 1\nTST1001 M:Shop.OrderTests.Ships 1\n");

    [Fact]
    public Task An_entry_whose_findings_are_gone_is_reported_once_as_stale()
    {
        var baseline = Header + "TST1001 M:Shop.OrderTests.Bills 1\nTST1001 M:Shop.OrderTests.Gone 1\nTST1001 M:Shop.OrderTests.Ships 2\n";
        return RunAsync(Unmarked(TwoSleeps), baseline, StaleAt(baseline, 4));
    }

    [Fact]
    public Task An_entry_with_more_room_than_findings_is_stale_and_still_covers_them()
    {
        var baseline = Header + "TST1001 M:Shop.OrderTests.Bills 1\nTST1001 M:Shop.OrderTests.Ships 3\n";
        return RunAsync(Unmarked(TwoSleeps), baseline, StaleAt(baseline, 4));
    }

    [Fact]
    public Task Moved_lines_and_edits_elsewhere_stay_covered()
        => RunAsync(
            Unmarked(TwoSleeps)
                .Replace("public class OrderTests\n{", "public class OrderTests\n{\n    private const int Pause = 5;\n\n    [Fact]\n    public void Added() => Assert.True(Pause > 0);\n")
                .Replace("        Thread.Sleep(100);\n", "        var total = 1;\n        Thread.Sleep(100);\n        Assert.Equal(1, total);\n"),
            Header + "TST1001 M:Shop.OrderTests.Bills 1\nTST1001 M:Shop.OrderTests.Ships 2\n");

    [Fact]
    public Task A_renamed_member_makes_its_entry_stale_and_its_findings_new()
    {
        var baseline = Header + "TST1001 M:Shop.OrderTests.Bills 1\nTST1001 M:Shop.OrderTests.Ships 2\n";
        var source = TwoSleeps.Replace("[|", "{|TST1001:").Replace("|]", "|}")
            .Replace("public void Bills() => {|TST1001:Thread.Sleep(300)|};", "public void Bills() => Thread.Sleep(300);")
            .Replace("public void Ships()", "public void ShipsOrder()");
        return RunAsync(source, baseline, StaleAt(baseline, 4));
    }

    [Fact]
    public Task Entries_of_another_assembly_neither_cover_nor_go_stale()
    {
        var baseline = "[OtherProject]\nTST1001 M:Shop.OrderTests.Bills 1\nTST1001 M:Shop.OrderTests.Ships 2\nTST1001 M:Shop.OrderTests.Gone 1\n";
        return RunAsync(TwoSleeps.Replace("[|", "{|TST1001:").Replace("|]", "|}"), baseline);
    }

    [Fact]
    public Task Entries_before_any_section_cover_every_assembly_and_are_never_stale()
        => RunAsync(
            Unmarked(TwoSleeps),
            "TST1001 M:Shop.OrderTests.Bills 1\nTST1001 M:Shop.OrderTests.Ships 2\nTST1001 M:Shop.OrderTests.Gone 1\n");

    [Fact]
    public Task A_finding_suppressed_in_source_counts_toward_its_members_entry()
        => RunAsync(
            Unmarked(TwoSleeps).Replace("        Thread.Sleep(100);\n", "#pragma warning disable TST1001\n        Thread.Sleep(100);\n#pragma warning restore TST1001\n"),
            Header + "TST1001 M:Shop.OrderTests.Bills 1\nTST1001 M:Shop.OrderTests.Ships 2\n");

    [Fact]
    public Task Overloads_are_told_apart_by_their_parameters()
        => RunAsync(
            """
            using System.Threading;
            using Xunit;

            namespace Shop;

            public class OrderTests
            {
                [Theory, InlineData(1)]
                public void Ships(int count) => Thread.Sleep(count);

                [Fact]
                public void Ships() => {|TST1001:Thread.Sleep(5)|};
            }
            """,
            Header + "TST1001 M:Shop.OrderTests.Ships(System.Int32) 1\n");

    [Fact]
    public Task Lines_that_do_not_parse_are_ignored()
        => RunAsync(
            Unmarked(TwoSleeps).Replace("public void Bills() => Thread.Sleep(300);", "public void Bills() => {|TST1001:Thread.Sleep(300)|};"),
            Header + "TST1001 M:Shop.OrderTests.Ships 2\nTST1001 M:Shop.OrderTests.Bills\nTST1001 M:Shop.OrderTests.Bills many\n\n# TST1001 M:Shop.OrderTests.Bills 1\n");
}
