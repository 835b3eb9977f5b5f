using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TestSmells.Corpus;

/// <summary>
/// <c>labels DIR</c>: the labelled samples per rule and phase (before / after), with strict precision
/// (TP over all labelled), as the Markdown table docs/real-world.md shows.
/// </summary>
internal static class LabelSummary
{
    public static int Run(List<string> arguments)
    {
        var folder = arguments.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (folder == null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine("usage: TestSmells.Corpus labels <labels-dir>");
            return 2;
        }

        var rows = Directory.GetFiles(folder, "*.tsv")
            .SelectMany(File.ReadLines)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Where(c => c.Length >= 6)
            .GroupBy(c => (Rule: c[1], Phase: c[0]))
            .ToDictionary(g => g.Key, g => g.GroupBy(c => c[5]).ToDictionary(x => x.Key, x => x.Count()));
        Console.WriteLine("| rule | before: n | TP / NOISE / FP | strict | after: n | TP / NOISE / FP | strict |");
        Console.WriteLine("|---|---:|---|---:|---:|---|---:|");
        foreach (var rule in rows.Keys.Select(k => k.Rule).Distinct().OrderBy(r => r, StringComparer.Ordinal))
        {
            Console.WriteLine($"| {rule} | {Cells(rows, rule, "before")} | {Cells(rows, rule, "after")} |");
        }

        return 0;
    }

    private static string Cells(Dictionary<(string Rule, string Phase), Dictionary<string, int>> rows, string rule, string phase)
    {
        if (!rows.TryGetValue((rule, phase), out var counts))
        {
            return "- | - | -";
        }

        int Count(string label) => counts.TryGetValue(label, out var n) ? n : 0;
        var total = counts.Values.Sum();
        return $"{total} | {Count("TP")} / {Count("NOISE")} / {Count("FP")} | {100.0 * Count("TP") / total:F0} %";
    }
}
