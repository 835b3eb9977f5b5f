using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Packaging;

/// <summary>
/// Generates the severity presets that the package ships (<c>buildTransitive/config/*.globalconfig</c>)
/// from the rule descriptors, one file per value of the <c>TestSmellsAnalysisMode</c> MSBuild property.
/// </summary>
public static class Presets
{
    /// <summary>The modes, as users write them; the file of a mode is <c>testsmells-&lt;lower-case mode&gt;.globalconfig</c>.</summary>
    public static readonly ImmutableArray<string> Modes = ImmutableArray.Create("None", "Default", "Recommended", "All");

    /// <summary>Rules that <c>Recommended</c> leaves at their <c>Default</c> setting (the catalog's exception).</summary>
    public static readonly ImmutableHashSet<string> KeptAtDefaultInRecommended = ImmutableHashSet.Create(StringComparer.Ordinal, "TST2005", "TST3006", "TST5003");

    public const string RegenerateVariable = "TESTSMELLS_REGENERATE";

    public const string RegenerateCommand =
        RegenerateVariable + "=1 dotnet test tests/TestSmells.Analyzers.Tests --filter FullyQualifiedName~Presets";

    /// <summary>The folder of the checked-in presets.</summary>
    public static string Folder => Path.Combine(Packages.RepoRoot, "src", "Package", "buildTransitive", "config");

    public static string FileName(string mode) => $"testsmells-{mode.ToLowerInvariant()}.globalconfig";

    /// <summary>Every preset file, by file name, with the content generated from <paramref name="descriptors"/>.</summary>
    public static ImmutableSortedDictionary<string, string> Generate(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var rules = descriptors
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return Modes.ToImmutableSortedDictionary(FileName, mode => Render(mode, rules), StringComparer.Ordinal);
    }

    /// <summary>The severity (as an <c>.editorconfig</c> value) that <paramref name="mode"/> gives the rule.</summary>
    public static string Severity(string mode, DiagnosticDescriptor rule) => mode switch
    {
        "None" => "none",
        "Default" => DefaultSeverity(rule),
        "Recommended" => KeptAtDefaultInRecommended.Contains(rule.Id) || rule.DefaultSeverity != DiagnosticSeverity.Info
            ? DefaultSeverity(rule)
            : "warning",
        "All" => "warning",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown TestSmellsAnalysisMode"),
    };

    /// <summary>The severity a rule has with no configuration at all (what the descriptor says).</summary>
    public static string DefaultSeverity(DiagnosticDescriptor rule)
    {
        if (!rule.IsEnabledByDefault)
        {
            return "none";
        }

        return rule.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "suggestion",
            DiagnosticSeverity.Hidden => "silent",
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.DefaultSeverity, "Unknown severity"),
        };
    }

    private static string Render(string mode, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        var text = new StringBuilder();
        text.Append("# TestSmells.Analyzers severity preset for <TestSmellsAnalysisMode>").Append(mode).Append("</TestSmellsAnalysisMode>.\n");
        text.Append("# Generated from the rule descriptors by tests/TestSmells.Analyzers.Tests/Packaging/Presets.cs; do not edit.\n");
        text.Append("# Regenerate: ").Append(RegenerateCommand).Append('\n');
        text.Append("# global_level -100 ranks below any .editorconfig and any .globalconfig of the user's (0 or 100 by default), so theirs win.\n");
        text.Append("is_global = true\n");
        text.Append("global_level = -100\n");
        foreach (var rule in rules)
        {
            var enabled = rule.IsEnabledByDefault ? rule.DefaultSeverity.ToString() : "disabled";
            text.Append('\n');
            text.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title.ToString()).Append(" (").Append(rule.Category).Append(", default ").Append(enabled).Append(")\n");
            var severity = Severity(mode, rule);
            if (severity == DefaultSeverity(rule))
            {
                // Setting a rule to its own default changes nothing but would outrank the user's
                // category-wide settings (dotnet_analyzer_diagnostic.category-Time.severity), so it is left unset.
                text.Append("# unchanged from the rule's default, so left unset (your category-wide settings apply):\n# ");
            }

            text.Append("dotnet_diagnostic.").Append(rule.Id).Append(".severity = ").Append(severity).Append('\n');
        }

        return text.ToString();
    }
}
