using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AngleSharp.Html.Parser;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit.Abstractions;

namespace TestSmells.Cli.Tests;

/// <summary>
/// The adoption story on a built copy of the sample backend, run with the tool installed from its
/// package: scan gates the smelly suite and passes the honest one and writes reports that list every
/// finding; baseline then build with warnings as errors passes, and one new Thread.Sleep fails it with
/// exactly that finding; fix leaves a suite that compiles, with no more findings than one
/// <c>dotnet format analyzers</c> pass.
/// </summary>
[Collection(CliSampleCollection.Name)]
public sealed class CliEndToEndTests
{
    /// <summary>Every rule id a code fix of the package fixes (what a dotnet format user would pass).</summary>
    private static readonly string[] FixableIds = typeof(TestSmells.Analyzers.CodeFixes.Time.WallClockCodeFix).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
        .Where(id => id.StartsWith("TST", StringComparison.Ordinal))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray();

    private readonly CliSample _sample;
    private readonly ITestOutputHelper _output;

    public CliEndToEndTests(CliSample sample, ITestOutputHelper output)
    {
        _sample = sample;
        _output = output;
        Assert.True(sample.SmellyBuild.Exit == 0, sample.SmellyBuild.Output);
        Assert.True(sample.HonestRestore.Exit == 0, sample.HonestRestore.Output);
        Assert.True(sample.Pack.Exit == 0, sample.Pack.Output);
        Assert.True(sample.Install.Exit == 0, sample.Install.Output);
    }

    [Fact]
    public async Task The_tool_package_installs_with_the_analyzers_it_runs_and_passes_the_honest_suite()
    {
        _output.WriteLine(_sample.DescribeTimings());
        var package = Assert.Single(Directory.GetFiles(_sample.Feed, CliSample.PackageId + ".*.nupkg"));
        using (var archive = ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            var settings = Assert.Single(entries, e => e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
            var tools = settings[..(settings.LastIndexOf('/') + 1)];
            Assert.StartsWith("tools/net10.0/", tools, StringComparison.Ordinal);
            using (var reader = new StreamReader(archive.GetEntry(settings)!.Open()))
            {
                Assert.Contains("Name=\"testsmells\"", reader.ReadToEnd(), StringComparison.Ordinal);
            }

            // The analyzers and code fixes the command runs travel inside the tool, next to it.
            Assert.Contains(tools + "TestSmells.Analyzers.dll", entries);
            Assert.Contains(tools + "TestSmells.Analyzers.CodeFixes.dll", entries);
            Assert.Contains(tools + "testsmells.dll", entries);
        }

        Assert.Contains("testsmells", _sample.Install.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_sample.Tool), _sample.Install.Output);
        var help = await CliSample.RunAsync(_sample.Root, _sample.Tool, "--help");
        Assert.True(help.Exit == 0, help.Output);
        Assert.Contains("testsmells scan [path]", help.Output, StringComparison.Ordinal);

        var honest = await _sample.Step("scan the honest suite", _sample.ToolAsync("scan", _sample.Honest));
        Assert.True(honest.Exit == 0, honest.Output);
        Assert.Contains("Findings per project", honest.Output, StringComparison.Ordinal);
        Assert.Contains("No finding at Warning or above.", honest.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_gates_the_smelly_suite_and_its_html_report_lists_every_sarif_finding()
    {
        var scan = _sample.Scan;
        _output.WriteLine(scan.Output);
        Assert.True(scan.Exit == 1, scan.Output);
        Assert.Contains("[  0%] Loading OrdersApi.SmellyTests.csproj", scan.Output, StringComparison.Ordinal);
        Assert.Contains("[100%] Done", scan.Output, StringComparison.Ordinal);
        Assert.Contains("Findings per rule", scan.Output, StringComparison.Ordinal);
        Assert.Contains("Findings per project", scan.Output, StringComparison.Ordinal);
        Assert.Matches(@"TST1001 .*Do not use Thread\.Sleep in tests .*Warning .* 2 ", scan.Output);
        foreach (var (format, file) in new[] { ("html", _sample.Html), ("sarif", _sample.Sarif), ("json", _sample.Json) })
        {
            Assert.Contains($"Wrote {format} report: {file}", scan.Output, StringComparison.Ordinal);
        }

        var results = JsonDocument.Parse(File.ReadAllText(_sample.Sarif)).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                return new Row(
                    r.GetProperty("ruleId").GetString()!,
                    new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath,
                    location.GetProperty("region").GetProperty("startLine").GetInt32(),
                    r.GetProperty("message").GetProperty("text").GetString()!);
            })
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        Assert.True(results.Count >= 15, $"{results.Count} SARIF results");
        var jsonFindings = JsonDocument.Parse(File.ReadAllText(_sample.Json)).RootElement.GetProperty("projects")[0].GetProperty("findings").GetArrayLength();
        Assert.Equal(results.Count, jsonFindings);

        // A strict HTML5 parse: any parse error (an unclosed or misnested element, a bad attribute) throws.
        var document = new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(File.ReadAllText(_sample.Html));
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Test smells: ", document.Title, StringComparison.Ordinal);
        Assert.Equal($"{results.Count} finding(s) in 1 test project(s).", document.GetElementById("total")?.TextContent);

        // Every SARIF result is a row of the page (and nothing else is): rule, file, line and message,
        // with the rule's page linked, the location shown and the line of code.
        var rows = document.QuerySelectorAll("table.findings tr.finding").ToList();
        Assert.Equal(results.Count, rows.Count);
        var shown = new List<Row>();
        foreach (var row in rows)
        {
            var cells = row.QuerySelectorAll("td").ToList();
            Assert.Equal(5, cells.Count);
            var id = row.GetAttribute("data-rule")!;
            var file = row.GetAttribute("data-file")!;
            var line = int.Parse(row.GetAttribute("data-line")!, System.Globalization.CultureInfo.InvariantCulture);
            var link = cells[0].QuerySelector("a");
            Assert.NotNull(link);
            Assert.Equal(id, link.TextContent);
            Assert.EndsWith($"/docs/rules/{id}.md", link.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal($"{Path.GetFileName(file)}:{line}", cells[2].TextContent);
            Assert.False(string.IsNullOrWhiteSpace(cells[4].QuerySelector("pre > code")?.TextContent), row.OuterHtml);
            shown.Add(new Row(id, file, line, cells[3].TextContent));
        }

        Assert.Equal(results.Select(r => r.Key), shown.Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Baseline_then_the_strict_build_passes_and_one_new_sleep_fails_it_with_exactly_that_finding()
    {
        _sample.Reset();
        try
        {
            var baseline = await _sample.Step("baseline", _sample.ToolAsync("baseline", _sample.Smelly));
            Assert.True(baseline.Exit == 0, baseline.Output);
            Assert.True(File.Exists(_sample.SmellyBaseline), baseline.Output);
            var gated = await _sample.Step("scan with the baseline", _sample.ToolAsync("scan", _sample.Smelly));
            Assert.True(gated.Exit == 0, gated.Output);
            Assert.Contains("No finding at Warning or above.", gated.Output, StringComparison.Ordinal);
            var strict = await _sample.Step("strict build with the baseline", _sample.DotnetAsync(CliSample.Build(_sample.Smelly, "--no-restore", "-p:TreatWarningsAsErrors=true")));
            Assert.True(strict.Exit == 0, strict.Output);

            var coupons = Path.Combine(_sample.Root, "samples", "OrdersApi.SmellyTests", "Pricing", "CouponTests.cs");
            var source = File.ReadAllText(coupons).TrimEnd();
            File.WriteAllText(coupons, source[..^1] + """

                    [Fact]
                    public void The_autumn_coupon_is_found()
                    {
                        System.Threading.Thread.Sleep(250);
                        Assert.NotNull(Coupons.Find("SPRING26"));
                    }
                }

                """);
            var broken = await _sample.Step("strict build with one new sleep", _sample.DotnetAsync(CliSample.Build(_sample.Smelly, "--no-restore", "-p:TreatWarningsAsErrors=true")));
            Assert.NotEqual(0, broken.Exit);
            var error = Assert.Single(Errors(broken.Output));
            Assert.Contains("CouponTests.cs", error, StringComparison.Ordinal);
            Assert.Contains("error TST1001: Thread.Sleep(250)", error, StringComparison.Ordinal);
        }
        finally
        {
            _sample.Reset();
        }
    }

    /// <summary>
    /// One <c>dotnet format analyzers</c> pass with every fixable id, then (from the same sources)
    /// <c>testsmells fix</c>: fix leaves no compile error and no more findings than the format pass.
    /// Both are counted the same way, by a scan of the suite without a baseline.
    /// </summary>
    [Fact]
    public async Task Fix_compiles_and_leaves_no_more_findings_than_one_dotnet_format_pass()
    {
        try
        {
            _sample.Reset();
            var untouched = Count(_sample.Json);

            // The command a team types: dotnet format's default severity (warning) leaves the rules that inform by default alone.
            var plain = await _sample.Step("dotnet format analyzers, default options", _sample.DotnetAsync("format", "analyzers", _sample.Smelly, "--no-restore"));
            Assert.True(plain.Exit == 0, plain.Output);
            var afterPlainFormat = await CountFindingsAsync("after dotnet format with its defaults", mayNotCompile: true);

            _sample.Reset();
            var formatArguments = new List<string> { "format", "analyzers", _sample.Smelly, "--no-restore", "--severity", "info", "--diagnostics" };
            formatArguments.AddRange(FixableIds);
            var format = await _sample.Step("dotnet format analyzers, one pass", _sample.DotnetAsync(formatArguments.ToArray()));
            Assert.True(format.Exit == 0, format.Output);
            var formatBuild = await _sample.Step("build after dotnet format", _sample.DotnetAsync(CliSample.Build(_sample.Smelly, "--no-restore")));
            var formatErrors = Errors(formatBuild.Output).Count;
            var afterFormat = await CountFindingsAsync("after dotnet format", mayNotCompile: true);

            _sample.Reset();
            var fix = await _sample.Step("testsmells fix", _sample.ToolAsync("fix", _sample.Smelly));
            _output.WriteLine(fix.Output);
            Assert.Contains("0 compile error(s) in the test projects", fix.Output, StringComparison.Ordinal);
            var fixBuild = await _sample.Step("build after testsmells fix", _sample.DotnetAsync(CliSample.Build(_sample.Smelly, "--no-restore")));
            Assert.True(fixBuild.Exit == 0, fixBuild.Output);
            Assert.Empty(Errors(fixBuild.Output));
            var afterFix = await CountFindingsAsync("after testsmells fix");

            _output.WriteLine(_sample.DescribeTimings());
            _output.WriteLine($"findings: untouched {untouched}, after dotnet format analyzers with its defaults {afterPlainFormat}, after one dotnet format pass with every fixable id at info {afterFormat} ({formatErrors} compile error(s)), after testsmells fix {afterFix} (0 compile errors)");
            Assert.True(afterFix < untouched, $"testsmells fix left {afterFix} of {untouched} findings");
            Assert.True(afterFix < afterPlainFormat, $"testsmells fix left {afterFix} findings, dotnet format analyzers with its defaults {afterPlainFormat}");
            Assert.True(afterFix <= afterFormat, $"testsmells fix left {afterFix} findings, one dotnet format pass with every fixable id {afterFormat}");
        }
        finally
        {
            _sample.Reset();
        }
    }

    /// <summary>Every finding of the smelly suite (all severities, no baseline), from the JSON report.</summary>
    private async Task<int> CountFindingsAsync(string when, bool mayNotCompile = false)
    {
        var json = Path.Combine(_sample.Root, "out", "count-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        var scan = await _sample.Step("scan " + when, _sample.ToolAsync("scan", _sample.Smelly, "--output", json));
        Assert.True(scan.Exit is 0 or 1, scan.Output);
        Assert.True(mayNotCompile || !scan.Output.Contains("compile error(s); findings may be missing", StringComparison.Ordinal), scan.Output);
        return Count(json);
    }

    private static int Count(string json)
        => JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("projects").EnumerateArray()
            .Sum(p => p.GetProperty("findings").GetArrayLength());

    /// <summary>The distinct error lines of a build (MSBuild repeats each under the project it built).</summary>
    private static List<string> Errors(string output)
        => output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal))
            .Select(l => Regex.Replace(l.Trim(), @" \[[^\]]+\]$", string.Empty)).Distinct().ToList();

    private sealed record Row(string Id, string File, int Line, string Message)
    {
        public string Key => $"{File}\u0001{Line:D6}\u0001{Id}\u0001{Message}";
    }
}
