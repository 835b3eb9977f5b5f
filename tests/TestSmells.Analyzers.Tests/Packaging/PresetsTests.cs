using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Packaging;

/// <summary>
/// The preset files in src/Package/buildTransitive/config are generated from the descriptors; these
/// tests keep them in step (and rewrite them when TESTSMELLS_REGENERATE=1).
/// </summary>
public class PresetsTests
{
    [Fact]
    public void Checked_in_presets_match_the_descriptors()
    {
        var expected = Presets.Generate(AllAnalyzers.Descriptors);
        var folder = Presets.Folder;
        var present = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "testsmells-*.globalconfig").Select(Path.GetFileName).OfType<string>().ToList()
            : new List<string>();

        if (Environment.GetEnvironmentVariable(Presets.RegenerateVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            foreach (var (name, content) in expected)
            {
                var path = Path.Combine(folder, name);
                if (!File.Exists(path) || Normalize(File.ReadAllText(path)) != content)
                {
                    File.WriteAllText(path, content);
                }
            }

            foreach (var stale in present.Except(expected.Keys, StringComparer.Ordinal))
            {
                File.Delete(Path.Combine(folder, stale));
            }

            return;
        }

        var problems = new List<string>();
        foreach (var (name, content) in expected)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                problems.Add($"{name} is missing");
            }
            else if (Normalize(File.ReadAllText(path)) != content)
            {
                problems.Add($"{name} is out of date");
            }
        }

        problems.AddRange(present.Except(expected.Keys, StringComparer.Ordinal).Select(name => $"{name} is not a preset any more"));
        Assert.True(
            problems.Count == 0,
            "The severity presets in src/Package/buildTransitive/config do not match the rule descriptors:\n  "
            + string.Join("\n  ", problems)
            + "\nRegenerate them from the repository root (and commit the result):\n  "
            + Presets.RegenerateCommand
            + "\n  (PowerShell: $env:" + Presets.RegenerateVariable + "=1; dotnet test tests/TestSmells.Analyzers.Tests --filter FullyQualifiedName~Presets)");
    }

    [Fact]
    public void Every_preset_is_a_lowest_priority_global_config_that_sets_exactly_the_rules_it_changes()
    {
        Assert.NotEmpty(AllAnalyzers.Descriptors);
        foreach (var mode in Presets.Modes)
        {
            var name = Presets.FileName(mode);
            var content = Presets.Generate(AllAnalyzers.Descriptors)[name];
            var ids = AllAnalyzers.Descriptors
                .Where(d => Presets.Severity(mode, d) != Presets.DefaultSeverity(d))
                .Select(d => d.Id)
                .ToList();
            Assert.All(AllAnalyzers.Descriptors, d => Assert.Contains($"dotnet_diagnostic.{d.Id}.severity = {Presets.Severity(mode, d)}\n", content));
            var lines = content.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            Assert.Equal("is_global = true", lines[0]);
            Assert.Equal("global_level = -100", lines[1]);
            var configured = lines.Skip(2)
                .Select(l => l.Split(' ')[0])
                .Select(key => key["dotnet_diagnostic.".Length..^".severity".Length])
                .ToList();
            Assert.True(ids.SequenceEqual(configured), $"{name} configures {string.Join(", ", configured)}");
        }
    }

    [Fact]
    public void Presets_cover_every_mode_with_its_file_name()
    {
        var files = Presets.Generate(AllAnalyzers.Descriptors).Keys;
        Assert.Equal(
            new[] { "testsmells-all.globalconfig", "testsmells-default.globalconfig", "testsmells-none.globalconfig", "testsmells-recommended.globalconfig" },
            files);
    }

    [Theory]
    [InlineData("None", "none", "none", "none", "none", "none")]
    [InlineData("Default", "warning", "suggestion", "none", "none", "silent")]
    [InlineData("Recommended", "warning", "warning", "none", "none", "silent")]
    [InlineData("All", "warning", "warning", "warning", "warning", "warning")]
    public void Each_mode_maps_the_default_severities_as_the_catalog_says(
        string mode, string warningRule, string infoRule, string tst2005, string disabledWarningRule, string hiddenRule)
    {
        // Made-up descriptors covering every case: the real catalog does not always have one of each.
        var rules = new[]
        {
            Descriptor("TST9001", DiagnosticSeverity.Warning),
            Descriptor("TST9002", DiagnosticSeverity.Info),
            Descriptor("TST2005", DiagnosticSeverity.Info, enabled: false),
            Descriptor("TST9003", DiagnosticSeverity.Warning, enabled: false),
            Descriptor("TST9004", DiagnosticSeverity.Hidden),
        };

        var actual = rules.Select(rule => Presets.Severity(mode, rule)).ToArray();

        Assert.Equal(new[] { warningRule, infoRule, tst2005, disabledWarningRule, hiddenRule }, actual);
        Assert.Contains("dotnet_diagnostic.TST9002.severity = " + infoRule + "\n", Presets.Generate(rules)[Presets.FileName(mode)]);
    }

    private static DiagnosticDescriptor Descriptor(string id, DiagnosticSeverity severity, bool enabled = true)
        => new(id, "Title of " + id, "Message", "Time", severity, enabled);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
