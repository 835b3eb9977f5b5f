using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace TestSmells.Cli;

/// <summary>The report formats of testsmells scan: SARIF 2.1.0, JSON, Markdown and a self-contained HTML page.</summary>
public static class Reports
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Sarif(IReadOnlyList<ProjectResult> results)
    {
        var findings = results.SelectMany(r => r.Findings).ToList();
        var rules = new JsonArray(findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (JsonNode)new JsonObject
        {
            ["id"] = g.Key,
            ["shortDescription"] = new JsonObject { ["text"] = g.First().Title },
            ["helpUri"] = g.First().HelpLink,
        }).ToArray());
        var sarifResults = new JsonArray(findings.Select(f => (JsonNode)new JsonObject
        {
            ["ruleId"] = f.Id,
            ["level"] = f.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "note" },
            ["message"] = new JsonObject { ["text"] = f.Message },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = new Uri(Path.GetFullPath(f.File)).AbsoluteUri },
                    ["region"] = new JsonObject { ["startLine"] = f.Line, ["startColumn"] = f.Column },
                },
            }),
        }).ToArray());
        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "TestSmells.Analyzers",
                        ["informationUri"] = "https://github.com/testsmells/TestSmells.Analyzers",
                        ["rules"] = rules,
                    },
                },
                ["results"] = sarifResults,
            }),
        };
        return sarif.ToJsonString(Indented);
    }

    public static string Json(IReadOnlyList<ProjectResult> results)
        => new JsonObject
        {
            ["projects"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name,
                ["assembly"] = r.Assembly,
                ["tests"] = r.Tests,
                ["testLines"] = r.TestLines,
                ["findings"] = new JsonArray(r.Findings.Select(f => (JsonNode)new JsonObject
                {
                    ["id"] = f.Id,
                    ["severity"] = f.Severity.ToString(),
                    ["message"] = f.Message,
                    ["file"] = f.File,
                    ["line"] = f.Line,
                    ["column"] = f.Column,
                    ["member"] = f.Member,
                    ["code"] = f.Code,
                    ["help"] = f.HelpLink,
                }).ToArray()),
            }).ToArray()),
        }.ToJsonString(Indented);

    public static string Markdown(IReadOnlyList<ProjectResult> results)
    {
        var text = new StringBuilder("# Test smells\n\n| Project | Tests | Test lines | Findings | Per 1,000 lines |\n|---|---:|---:|---:|---:|\n");
        foreach (var r in results)
        {
            text.Append($"| {r.Name} | {r.Tests} | {r.TestLines} | {r.Findings.Count} | {ScanCommand.PerThousand(r.Findings.Count, r.TestLines)} |\n");
        }

        text.Append("\n| Rule | File | Line | Message |\n|---|---|---:|---|\n");
        foreach (var f in results.SelectMany(r => r.Findings))
        {
            text.Append($"| [{f.Id}]({f.HelpLink}) | {Path.GetFileName(f.File)} | {f.Line} | {f.Message.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return text.ToString();
    }

    /// <summary>One page, no script or external asset: a table per project, a row per finding with its line of code.</summary>
    public static string Html(IReadOnlyList<ProjectResult> results, string target)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var total = results.Sum(r => r.Findings.Count);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Test smells: ").Append(E(Path.GetFileName(target))).Append("</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin-bottom:2em}"
            + "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}"
            + "pre{margin:0;white-space:pre-wrap}.Warning{color:#a60}.Error{color:#b00}.Info{color:#06a}</style>\n</head>\n<body>\n");
        html.Append("<h1>Test smells: ").Append(E(Path.GetFileName(target))).Append("</h1>\n");
        html.Append("<p id=\"total\">").Append(total).Append(" finding(s) in ").Append(results.Count).Append(" test project(s).</p>\n");
        html.Append("<table id=\"summary\">\n<thead><tr><th>Project</th><th>Tests</th><th>Test lines</th><th>Findings</th><th>Per 1,000 lines</th></tr></thead>\n<tbody>\n");
        foreach (var r in results)
        {
            html.Append("<tr><td>").Append(E(r.Name)).Append("</td><td>").Append(r.Tests).Append("</td><td>").Append(r.TestLines)
                .Append("</td><td>").Append(r.Findings.Count).Append("</td><td>").Append(ScanCommand.PerThousand(r.Findings.Count, r.TestLines)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        foreach (var r in results)
        {
            html.Append("<h2>").Append(E(r.Name)).Append("</h2>\n<table class=\"findings\">\n<thead><tr><th>Rule</th><th>Severity</th><th>Location</th><th>Message</th><th>Code</th></tr></thead>\n<tbody>\n");
            foreach (var f in r.Findings)
            {
                html.Append("<tr class=\"finding\" data-rule=\"").Append(E(f.Id)).Append("\" data-file=\"").Append(E(f.File)).Append("\" data-line=\"").Append(f.Line).Append("\">")
                    .Append("<td><a href=\"").Append(E(f.HelpLink)).Append("\">").Append(E(f.Id)).Append("</a></td>")
                    .Append("<td class=\"").Append(f.Severity).Append("\">").Append(f.Severity).Append("</td>")
                    .Append("<td>").Append(E(Path.GetFileName(f.File))).Append(':').Append(f.Line).Append("</td>")
                    .Append("<td>").Append(E(f.Message)).Append("</td>")
                    .Append("<td><pre><code>").Append(E(f.Code)).Append("</code></pre></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
