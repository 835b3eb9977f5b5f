using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace TestSmells.Cli.Tests;

/// <summary>
/// The adoption story on a copy of the sample backend: scan gates the smelly suite and passes the
/// honest one, writes SARIF and HTML; baseline then build with warnings as errors passes; one new
/// Thread.Sleep fails scan and build with exactly that finding; fix leaves a suite that compiles.
/// One test, because each step starts from the state the previous one left.
/// </summary>
public sealed class CliEndToEndTests : IDisposable
{
    private static readonly string RepoRoot = Metadata("RepoRoot");
    private static readonly string Tool = Path.Combine(RepoRoot, "src", "Cli", "bin", Metadata("Configuration"), "net10.0", "testsmells.dll");

    private static readonly string[] Mirrored =
    {
        "src/Analyzers", "src/CodeFixes", "src/Package/buildTransitive/config", "samples/OrdersApi", "samples/OrdersApi.Tests",
        "samples/OrdersApi.SmellyTests", "samples/OrdersApi.SmellyTests.Production",
        "Directory.Build.props", "Directory.Packages.props", "global.json", "samples/Directory.Packages.props",
        "src/Package/buildTransitive/TestSmells.Baseline.globalconfig",
    };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "testsmells-cli-" + Guid.NewGuid().ToString("N")[..12]);

    private string Smelly => Path.Combine(_root, "samples", "OrdersApi.SmellyTests", "OrdersApi.SmellyTests.csproj");

    private string Honest => Path.Combine(_root, "samples", "OrdersApi.Tests", "OrdersApi.Tests.csproj");

    [Fact]
    public async Task Scan_baseline_gate_and_fix_on_the_sample()
    {
        Mirror();
        var build = await RunAsync("dotnet", "build", Smelly, "-nologo", "-v:q");
        Assert.True(build.Exit == 0, build.Output);
        var honestRestore = await RunAsync("dotnet", "restore", Honest);
        Assert.True(honestRestore.Exit == 0, honestRestore.Output);

        // The honest suite passes the gate.
        var honest = await ToolAsync("scan", Honest);
        Assert.True(honest.Exit == 0, honest.Output);
        Assert.Contains("No finding at Warning or above.", honest.Output, StringComparison.Ordinal);

        // The smelly one fails it, with the tables and the reports.
        var html = Path.Combine(_root, "out", "report.html");
        var sarif = Path.Combine(_root, "out", "report.sarif");
        var json = Path.Combine(_root, "out", "report.json");
        var scan = await ToolAsync("scan", Smelly, "--output", html, "--output", sarif, "--output", json);
        Assert.True(scan.Exit == 1, scan.Output);
        Assert.Contains("Findings per rule", scan.Output, StringComparison.Ordinal);
        Assert.Contains("Findings per project", scan.Output, StringComparison.Ordinal);
        Assert.Matches(@"TST1001 .*Do not use Thread\.Sleep in tests .*Warning .* 2 ", scan.Output);

        var findings = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("projects")[0].GetProperty("findings").EnumerateArray()
            .Select(f => (Id: f.GetProperty("id").GetString()!, File: f.GetProperty("file").GetString()!, Line: f.GetProperty("line").GetInt32()))
            .ToList();
        Assert.True(findings.Count >= 15, $"{findings.Count} findings");
        var sarifResults = JsonDocument.Parse(File.ReadAllText(sarif)).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength();
        Assert.Equal(findings.Count, sarifResults);

        // Every finding is a row of the HTML page, with its rule page linked and its line of code.
        var page = File.ReadAllText(html);
        var rows = Regex.Matches(page, "<tr class=\"finding\" data-rule=\"(?<id>[^\"]+)\" data-file=\"(?<file>[^\"]+)\" data-line=\"(?<line>\\d+)\"><td><a href=\"(?<href>[^\"]+)\">")
            .Select(m => (Id: m.Groups["id"].Value, File: System.Net.WebUtility.HtmlDecode(m.Groups["file"].Value), Line: int.Parse(m.Groups["line"].Value), Href: m.Groups["href"].Value))
            .ToList();
        Assert.Equal(findings.OrderBy(f => f.File).ThenBy(f => f.Line).ThenBy(f => f.Id), rows.Select(r => (r.Id, r.File, r.Line)).OrderBy(f => f.File).ThenBy(f => f.Line).ThenBy(f => f.Id));
        Assert.All(rows, r => Assert.EndsWith($"/docs/rules/{r.Id}.md", r.Href, StringComparison.Ordinal));
        Assert.Equal(findings.Count, Regex.Matches(page, "<pre><code>[^<]+</code></pre>").Count);

        // Baseline: the gate passes, in scan and in a build with warnings as errors.
        var baseline = await ToolAsync("baseline", Smelly);
        Assert.True(baseline.Exit == 0, baseline.Output);
        Assert.True(File.Exists(Path.Combine(_root, "samples", "OrdersApi.SmellyTests", "testsmells.baseline")), baseline.Output);
        var gated = await ToolAsync("scan", Smelly);
        Assert.True(gated.Exit == 0, gated.Output);
        var strict = await RunAsync("dotnet", "build", Smelly, "-nologo", "-v:q", "--no-restore", "-p:TreatWarningsAsErrors=true");
        Assert.True(strict.Exit == 0, strict.Output);

        // One new Thread.Sleep: the build fails with exactly that finding.
        var coupons = Path.Combine(_root, "samples", "OrdersApi.SmellyTests", "Pricing", "CouponTests.cs");
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
        var broken = await RunAsync("dotnet", "build", Smelly, "-nologo", "-v:q", "--no-restore", "-p:TreatWarningsAsErrors=true");
        Assert.NotEqual(0, broken.Exit);
        var errors = broken.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => Regex.Replace(l.Trim(), @" \[[^\]]+\]$", string.Empty)).Distinct().ToList();
        var error = Assert.Single(errors);
        Assert.Contains("CouponTests.cs", error, StringComparison.Ordinal);
        Assert.Contains("error TST1001: Thread.Sleep(250)", error, StringComparison.Ordinal);

        // Fix: fewer findings, and the suite still compiles.
        var fix = await ToolAsync("fix", Smelly);
        Assert.Contains("0 compile error(s)", fix.Output, StringComparison.Ordinal);
        var fixedBuild = await RunAsync("dotnet", "build", Smelly, "-nologo", "-v:q", "--no-restore");
        Assert.True(fixedBuild.Exit == 0, fixedBuild.Output);
        Assert.DoesNotContain(": error CS", fixedBuild.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_is_one_clear_line()
    {
        var result = await ToolAsync("scan", Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, result.Exit);
        Assert.Matches(@"^testsmells: '[^']+' does not exist$", result.Output.Trim());
    }

    [Fact]
    public async Task A_project_that_does_not_load_is_one_clear_line()
    {
        Directory.CreateDirectory(_root);
        var project = Path.Combine(_root, "Broken.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
        var result = await ToolAsync("scan", project);
        Assert.Equal(2, result.Exit);
        Assert.Matches(@"^testsmells: '[^']+Broken\.csproj' does not load: .+$", result.Output.Trim().Split('\n').Last().Trim());
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    private void Mirror()
    {
        foreach (var entry in Mirrored)
        {
            var from = Path.Combine(RepoRoot, entry);
            var to = Path.Combine(_root, entry);
            if (File.Exists(from))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to);
                continue;
            }

            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("bin") || parts.Contains("obj") || Path.GetFileName(file) == "testsmells.baseline")
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
                File.Copy(file, Path.Combine(to, relative));
            }
        }
    }

    private Task<(int Exit, string Output)> ToolAsync(params string[] arguments)
        => RunAsync("dotnet", new[] { Tool }.Concat(arguments).Append("--no-progress").ToArray());

    private async Task<(int Exit, string Output)> RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Directory.Exists(_root) ? _root : Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string Metadata(string key)
        => typeof(CliEndToEndTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
