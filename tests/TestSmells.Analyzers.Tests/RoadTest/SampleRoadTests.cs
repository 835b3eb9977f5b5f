using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Tests.Packaging;
using Xunit.Abstractions;

namespace TestSmells.Analyzers.Tests.RoadTest;

/// <summary>
/// The analyzers on a real backend's tests, built the way users build them (see <see cref="SampleRoad"/>):
/// the smelly sample reports exactly what its <c>// expect:</c> markers say, the honest suite reports
/// nothing, and after <c>dotnet format analyzers</c> the smelly sample compiles, keeps only the findings
/// that have no fix, and its worker, clock and database tests pass run after run.
/// </summary>
public sealed class SampleRoadTests : IClassFixture<SampleRoad>
{
    private static readonly Regex TestSummary = new(
        @"Failed:\s+(?<failed>\d+), Passed:\s+(?<passed>\d+), Skipped:\s+(?<skipped>\d+), Total:\s+(?<total>\d+)",
        RegexOptions.CultureInvariant);

    private readonly SampleRoad _road;
    private readonly ITestOutputHelper _output;

    public SampleRoadTests(SampleRoad road, ITestOutputHelper output)
    {
        _road = road;
        _output = output;
    }

    [Fact]
    public void Smelly_sample_marks_every_rule()
    {
        var marked = _road.Markers.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);

        var unmarked = AllAnalyzers.Descriptors.Select(d => d.Id).Where(id => !marked.Contains(id)).ToList();

        Assert.True(unmarked.Count == 0, "No '// expect:' marker in the smelly sample for: " + string.Join(", ", unmarked));
        Assert.All(_road.Markers.Where(m => m.NoFix), m => Assert.Contains(m.Id, SampleRoad.FixableIds));
    }

    [Fact]
    public void Smelly_sample_reports_exactly_its_markers()
    {
        Assert.True(_road.SmellyBuild.Succeeded, "The smelly sample must compile.\n" + _road.SmellyBuild.Describe());
        var expected = _road.Markers.Select(m => (m.File, m.Line, m.Id)).ToHashSet();

        var reported = _road.Findings(_road.SmellyBuild).Select(d => (d.File, d.Line, d.Id)).ToHashSet();

        var missing = expected.Except(reported).OrderBy(f => f).ToList();
        var unexpected = reported.Except(expected).OrderBy(f => f).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"Marked but not reported:\n{Lines(missing)}\nReported but not marked:\n{Lines(unexpected)}");
    }

    [Fact]
    public void Honest_suite_reports_nothing()
    {
        var findings = _road.Findings(_road.HonestBuild);

        Assert.True(findings.Count == 0, "The honest suite has findings:\n" + string.Join("\n", findings));
        Assert.True(_road.HonestBuild.Succeeded, "The honest suite must build (warnings are errors there).\n" + _road.HonestBuild.Describe());
        Assert.True(_road.HonestSuiteCompiled, "The rebuild did not compile the honest suite, so its silence proves nothing.\n" + _road.HonestBuild.Describe());
    }

    [Fact]
    public void One_format_pass_fixes_everything_without_a_failure_and_the_fixed_sample_compiles()
    {
        Assert.True(_road.SmellyBuild.Succeeded, "The smelly sample must compile first.\n" + _road.SmellyBuild.Describe());
        Assert.All(_road.FormatPasses, pass => Assert.True(pass.Succeeded, pass.Describe()));
        Assert.All(_road.FormatPasses, pass => Assert.True(
            !pass.Output.Contains("Unable to fix", StringComparison.Ordinal) && !pass.Output.Contains("Failed to apply", StringComparison.Ordinal),
            pass.Describe()));
        Assert.True(_road.FormatSettled, $"A second dotnet format pass still changed the sources.\n{_road.FormatPasses[^1].Describe()}");

        Assert.NotNull(_road.FixedBuild);
        Assert.True(_road.FixedBuild.Succeeded, "The fixed smelly sample does not compile.\n" + _road.FixedBuild.Describe() + FixedSources());
    }

    [Fact]
    public void Fixes_remove_every_fixable_finding_and_leave_the_rest()
    {
        Assert.True(_road.FixedBuild?.Succeeded == true, "The fixed smelly sample must compile (see the other test).");
        var expected = Count(_road.Markers
            .Where(m => m.NoFix || !SampleRoad.FixableIds.Contains(m.Id))
            .Select(m => (m.File, m.Id)));

        var remaining = Count(_road.Findings(_road.FixedBuild!).Select(d => (d.File, d.Id)));

        var differences = expected.Keys.Union(remaining.Keys)
            .Where(k => expected.GetValueOrDefault(k) != remaining.GetValueOrDefault(k))
            .OrderBy(k => k)
            .Select(k => $"  {k.File}: {k.Id} expected {expected.GetValueOrDefault(k)} after the fixes, found {remaining.GetValueOrDefault(k)}")
            .ToList();
        Assert.True(
            differences.Count == 0,
            $"Rules with a fix: {string.Join(", ", SampleRoad.FixableIds)}\n{string.Join("\n", differences)}\n"
            + $"Findings after the fixes:\n{string.Join("\n", _road.Findings(_road.FixedBuild!))}{FixedSources()}");
    }

    [Fact]
    public void Fixed_worker_clock_and_database_tests_pass_every_run()
    {
        Assert.True(_road.FixedBuild?.Succeeded == true, "The fixed smelly sample must compile (see the other test).");
        Assert.True(_road.RunAfterFixesTests > 0, "No smelly test carries [Trait(\"RoadTest\", \"RunAfterFixes\")].");
        _output.WriteLine(_road.DescribeTimings());
        foreach (var pass in _road.FormatPasses)
        {
            _output.WriteLine($"\n{pass.Describe()}");
        }

        Assert.Equal(SampleRoad.TestRuns, _road.FixedTestRuns.Count);
        Assert.All(_road.FixedTestRuns, run =>
        {
            var summary = TestSummary.Match(run.Output);
            Assert.True(run.Succeeded && summary.Success, run.Describe() + FixedSources());
            Assert.Equal("0", summary.Groups["failed"].Value);
            Assert.Equal(_road.RunAfterFixesTests.ToString(System.Globalization.CultureInfo.InvariantCulture), summary.Groups["passed"].Value);
        });
    }

    private static Dictionary<(string File, string Id), int> Count(IEnumerable<(string File, string Id)> findings)
        => findings.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());

    private static string Lines(IEnumerable<(string File, int Line, string Id)> findings)
    {
        var lines = findings.Select(f => $"  {f.File}({f.Line}): {f.Id}").ToList();
        return lines.Count == 0 ? "  (none)" : string.Join("\n", lines);
    }

    private string FixedSources()
        => "\nThe fixed sources:\n" + string.Join("\n", _road.FixedSources.Select(s => $"--- {s.Key}\n{s.Value}"));
}
