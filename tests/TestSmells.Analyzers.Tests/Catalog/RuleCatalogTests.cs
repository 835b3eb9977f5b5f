using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Catalog;

/// <summary>
/// The descriptors, the rule pages, the rules index, the release-tracking files and the README's
/// rule table must agree, in both directions.
/// </summary>
public class RuleCatalogTests
{
    private static readonly string DocsFolder = Path.Combine(Packages.RepoRoot, "docs", "rules");
    private static readonly string[] Categories = { "Time", "TestDoubles", "Assertions", "Isolation", "Hygiene" };
    private static readonly string[] RequiredSections = { "## Why", "## Examples", "## How to fix", "## Options", "## How to suppress" };

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllAnalyzers.Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static DiagnosticDescriptor Descriptor(string id) => AllAnalyzers.Descriptors.Single(d => d.Id == id);

    private static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Info => "Info",
        _ => severity.ToString(),
    };

    [Fact]
    public void Ids_are_unique_well_formed_and_in_a_known_category()
    {
        var all = AllAnalyzers.Instances.SelectMany(a => a.SupportedDiagnostics).Where(d => !d.Id.StartsWith("TSTB", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(all);
        foreach (var descriptor in all)
        {
            Assert.Matches(@"^TST[1-5]\d{3}$", descriptor.Id);
            Assert.Contains(descriptor.Category, Categories);
            Assert.False(descriptor.Title.ToString().EndsWith('.'), $"{descriptor.Id}: a title is not a sentence");
            Assert.False(descriptor.MessageFormat.ToString().EndsWith('.'), $"{descriptor.Id}: a message does not end with a period");
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), $"{descriptor.Id} has no description");
        }

        var duplicated = all.GroupBy(d => d.Id).Where(g => g.Select(d => d.Title.ToString()).Distinct().Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicated);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_points_at_the_rule_page(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal($"https://github.com/testsmells/TestSmells.Analyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_matches_the_descriptor(string id)
    {
        var descriptor = Descriptor(id);
        var path = Path.Combine(DocsFolder, id + ".md");
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing");
        var text = File.ReadAllText(path);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        var table = ReadPropertyTable(lines);
        Assert.Equal(id, table["ID"]);
        Assert.Equal(descriptor.Title.ToString(), table["Title"]);
        Assert.Equal(descriptor.Category, table["Category"]);
        Assert.StartsWith(SeverityName(descriptor.DefaultSeverity), table["Default severity"], StringComparison.Ordinal);
        Assert.True(table.ContainsKey("Code fix"), $"{id}: the table says whether there is a code fix");
        foreach (var section in RequiredSections)
        {
            Assert.True(lines.Any(l => l.StartsWith(section, StringComparison.Ordinal)), $"docs/rules/{id}.md lacks a '{section}' section");
        }
    }

    [Fact]
    public void Every_rule_page_has_a_descriptor()
    {
        var pages = Directory.GetFiles(DocsFolder, "TST*.md").Select(Path.GetFileNameWithoutExtension).Where(p => !p!.StartsWith("TSTB", StringComparison.Ordinal)).ToList();
        var ids = AllAnalyzers.Descriptors.Select(d => d.Id).ToList();
        Assert.Empty(pages.Except(ids));
        Assert.Empty(ids.Except(pages!));
    }

    [Fact]
    public void Rules_index_lists_every_rule_and_nothing_else()
    {
        var rows = TableRows(File.ReadAllText(Path.Combine(DocsFolder, "README.md")));
        var expected = AllAnalyzers.Descriptors
            .Select(d => $"[{d.Id}]({d.Id}.md)|{d.Title}|{d.Category}|{SeverityName(d.DefaultSeverity)}")
            .ToList();
        var actual = rows.Where(r => r[0].StartsWith("[TST", StringComparison.Ordinal))
            .Select(r => string.Join("|", r.Take(3)) + "|" + r[3].Split(' ')[0])
            .ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Release_tracking_matches_the_descriptors()
    {
        var folder = Path.Combine(Packages.RepoRoot, "src", "Analyzers");
        var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(f => TableRows(File.ReadAllText(Path.Combine(folder, f))))
            .Where(r => Regex.IsMatch(r[0], @"^TST\d"))
            .ToList();
        var tracked = rows.Select(r => $"{r[0]}|{r[1]}|{r[2]}").OrderBy(r => r, StringComparer.Ordinal).ToList();
        var expected = AllAnalyzers.Descriptors
            .Select(d => $"{d.Id}|{d.Category}|{(d.IsEnabledByDefault ? SeverityName(d.DefaultSeverity) : "Disabled")}")
            .ToList();
        Assert.Equal(expected, tracked);
    }

    [Fact]
    public void Readme_rule_table_lists_every_rule()
    {
        var readme = File.ReadAllText(Path.Combine(Packages.RepoRoot, "README.md"));
        var rows = TableRows(readme).Where(r => r[0].Contains("TST", StringComparison.Ordinal)).ToList();
        var ids = rows.Select(r => Regex.Match(r[0], @"TST\d{4}").Value).ToList();
        Assert.Equal(AllAnalyzers.Descriptors.Select(d => d.Id).ToList(), ids);
        foreach (var descriptor in AllAnalyzers.Descriptors)
        {
            var row = rows.Single(r => r[0].Contains(descriptor.Id, StringComparison.Ordinal));
            Assert.Equal(descriptor.Title.ToString(), row[1]);
            Assert.StartsWith(SeverityName(descriptor.DefaultSeverity), row[2], StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> ReadPropertyTable(IEnumerable<string> lines)
        => TableRows(string.Join("\n", lines))
            .Where(r => r.Length >= 2)
            .GroupBy(r => r[0])
            .ToDictionary(g => g.Key, g => g.First()[1]);

    /// <summary>The cells of every Markdown table row (separator rows excluded), trimmed.</summary>
    private static List<string[]> TableRows(string markdown)
        => markdown.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith('|') || Regex.IsMatch(l, @"^TST\d{4}\s*\|"))
            .Where(l => !Regex.IsMatch(l, @"^\|?[\s\-:|]+$"))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();

    [Fact]
    public void Baseline_diagnostic_is_supported_by_every_analyzer_tracked_and_documented()
    {
        Assert.All(AllAnalyzers.Instances, a => Assert.Contains(a.SupportedDiagnostics, d => d.Id == "TSTB002"));
        var descriptor = AllAnalyzers.Instances[0].SupportedDiagnostics.Single(d => d.Id == "TSTB002");
        Assert.Equal(DiagnosticSeverity.Info, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/testsmells/TestSmells.Analyzers/blob/main/docs/rules/TSTB002.md", descriptor.HelpLinkUri);
        var unshipped = File.ReadAllText(Path.Combine(Packages.RepoRoot, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains("TSTB002 | Baseline | Disabled |", unshipped, StringComparison.Ordinal);
        Assert.False(descriptor.IsEnabledByDefault);
        var enabling = File.ReadAllText(Path.Combine(Packages.RepoRoot, "src", "Package", "buildTransitive", "TestSmells.Baseline.globalconfig"));
        Assert.Contains("dotnet_diagnostic.TSTB002.severity = suggestion", enabling, StringComparison.Ordinal);
        var page = File.ReadAllLines(Path.Combine(DocsFolder, "TSTB002.md"));
        Assert.Equal($"# TSTB002: {descriptor.Title}", page[0]);
    }
}
