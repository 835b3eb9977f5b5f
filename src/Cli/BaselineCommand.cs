using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TestSmells.Analyzers.Infrastructure;

namespace TestSmells.Cli;

/// <summary>
/// testsmells baseline: scans without the baseline and writes every finding into testsmells.baseline
/// (one section per test assembly; the sections of assemblies this scan did not see are kept).
/// </summary>
public static class BaselineCommand
{
    public static async Task<int> RunAsync(Target target, CliOptions options, CancellationToken cancellationToken)
    {
        var results = await ScanCommand.ScanAsync(target, options.Progress, withBaseline: false, cancellationToken);
        var path = Path.Combine(target.BaselineFolder, Baseline.FileName);
        var kept = File.Exists(path) ? ReadSections(await File.ReadAllLinesAsync(path, cancellationToken)) : new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            kept[result.Assembly] = result.Findings
                .Where(f => !f.Id.StartsWith("TSTB", StringComparison.Ordinal))
                .GroupBy(f => (f.Id, f.Member))
                .Select(g => $"{g.Key.Id} {g.Key.Member} {g.Count()}")
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToList();
        }

        var text = new StringBuilder();
        text.Append("# TestSmells.Analyzers baseline: findings that existed when the gate was adopted (docs/adopting.md).\n");
        text.Append("# They are not reported; new ones are. Rewrite with 'testsmells baseline' as they get fixed.\n");
        text.Append("# One line per rule and member: RULE MEMBER-DOCUMENTATION-ID COUNT, under [AssemblyName].\n");
        foreach (var section in kept.Where(s => s.Value.Count > 0))
        {
            text.Append('\n').Append('[').Append(section.Key).Append("]\n");
            foreach (var line in section.Value)
            {
                text.Append(line).Append('\n');
            }
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
        var entries = kept.Sum(s => s.Value.Count);
        var findings = results.Sum(r => r.Findings.Count(f => !f.Id.StartsWith("TSTB", StringComparison.Ordinal) && !f.Suppressed));
        Console.WriteLine($"Wrote {path}: {entries} entries covering {findings} finding(s) in {results.Count} test project(s).");
        return Program.Clean;
    }

    private static SortedDictionary<string, List<string>> ReadSections(IEnumerable<string> lines)
    {
        var sections = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out current))
                {
                    current = new List<string>();
                    sections.Add(name, current);
                }
            }
            else if (current is not null && line.Length > 0 && !line.StartsWith('#'))
            {
                current.Add(line);
            }
        }

        return sections;
    }
}
