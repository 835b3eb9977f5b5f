using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Spectre.Console;

namespace TestSmells.Cli;

/// <summary>testsmells scan: findings per rule and per project, optionally a report file.</summary>
public static class ScanCommand
{
    public static async Task<int> RunAsync(Target target, CliOptions options, CancellationToken cancellationToken)
    {
        var results = await ScanAsync(target, options.Progress, withBaseline: true, cancellationToken);
        PrintSummary(results);
        foreach (var (format, file) in options.Reports)
        {
            var text = format switch
            {
                "sarif" => Reports.Sarif(results),
                "json" => Reports.Json(results),
                "markdown" => Reports.Markdown(results),
                _ => Reports.Html(results, target.File),
            };
            var output = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, text, cancellationToken);
            Console.WriteLine($"Wrote {format} report: {output}");
        }

        return ExitCode(results);
    }

    public static int ExitCode(IEnumerable<ProjectResult> results)
        => results.SelectMany(r => r.Findings).Any(f => f.Severity >= DiagnosticSeverity.Warning) ? Program.FindingsRemain : Program.Clean;

    /// <summary>Loads the target and analyzes each of its test projects, with a progress bar.</summary>
    public static async Task<List<ProjectResult>> ScanAsync(Target target, bool progress, bool withBaseline, CancellationToken cancellationToken)
    {
        var results = new List<ProjectResult>();
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 140);
        }

        async Task Work(Action<string, double> report)
        {
            report($"Loading {Path.GetFileName(target.File)}", 0);
            var (workspace, solution) = await Analysis.LoadAsync(target, cancellationToken);
            using (workspace)
            {
                var projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
                for (var i = 0; i < projects.Count; i++)
                {
                    report($"Analyzing {projects[i].Name}", 10 + (90.0 * i / projects.Count));
                    var compilation = await Analysis.TestCompilationAsync(projects[i], cancellationToken);
                    if (compilation is not null)
                    {
                        results.Add(await Analysis.AnalyzeAsync(projects[i], compilation, withBaseline, cancellationToken));
                    }
                }

                report("Done", 100);
            }
        }

        if (progress && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Loading", maxValue: 100);
                    await Work((what, value) =>
                    {
                        task.Description = Markup.Escape(what);
                        task.Value = value;
                    });
                });
        }
        else
        {
            // No live bar in a log: one line per step instead.
            await Work((what, value) => Console.WriteLine($"[{value,3:0}%] {what}"));
        }

        foreach (var result in results.Where(r => r.CompileErrors > 0))
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(result.Name)} has {result.CompileErrors} compile error(s); findings may be missing (restore or build it first).[/]");
        }

        if (results.Count == 0)
        {
            throw new CliException($"no test project in '{target.File}' (none references xUnit, NUnit, MSTest or TUnit; a project never restored has no references: run dotnet restore first)");
        }

        return results;
    }

    public static void PrintSummary(IReadOnlyList<ProjectResult> results)
    {
        var findings = results.SelectMany(r => r.Findings).ToList();
        var byRule = new Table().Title("Findings per rule").AddColumns("Rule", "Title", "Severity", "Findings");
        foreach (var group in findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            byRule.AddRow(Markup.Escape(group.Key), Markup.Escape(first.Title), first.Severity.ToString(), group.Count().ToString());
        }

        byRule.Columns[3].RightAligned();
        var byProject = new Table().Title("Findings per project").AddColumns("Project", "Tests", "Test lines", "Findings", "Per 1,000 lines");
        foreach (var result in results.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            byProject.AddRow(Markup.Escape(result.Name), result.Tests.ToString(), result.TestLines.ToString(), result.Findings.Count.ToString(), PerThousand(result.Findings.Count, result.TestLines));
        }

        var totalLines = results.Sum(r => r.TestLines);
        byProject.AddRow("[bold]Total[/]", results.Sum(r => r.Tests).ToString(), totalLines.ToString(), findings.Count.ToString(), PerThousand(findings.Count, totalLines));
        for (var i = 1; i < 5; i++)
        {
            byProject.Columns[i].RightAligned();
        }

        if (findings.Count > 0)
        {
            AnsiConsole.Write(byRule);
        }

        AnsiConsole.Write(byProject);
        var gating = findings.Count(f => f.Severity >= DiagnosticSeverity.Warning);
        AnsiConsole.MarkupLine(gating == 0
            ? "[green]No finding at Warning or above.[/]"
            : $"[red]{gating} finding(s) at Warning or above.[/]");
    }

    public static string PerThousand(int findings, int lines)
        => lines == 0 ? "-" : (findings * 1000.0 / lines).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
