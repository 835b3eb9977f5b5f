using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TestSmells.Corpus;

/// <summary>
/// Draws a seeded, repository-balanced sample of one rule's findings for labelling, leaving out the
/// findings already labelled (so an "after" sample is fresh), and prints each finding with its code.
/// </summary>
internal static class Sampler
{
    public static int Run(List<string> arguments)
    {
        string? Option(string name, string? fallback = null)
        {
            var index = arguments.IndexOf(name);
            return index >= 0 && index + 1 < arguments.Count ? arguments[index + 1] : fallback;
        }

        var jsonl = arguments.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var rule = Option("--rule");
        if (jsonl == null || rule == null || !File.Exists(jsonl))
        {
            Console.Error.WriteLine("usage: TestSmells.Corpus sample <findings.jsonl> --rule ID [--count 40] [--seed 1] [--exclude labels-dir-or-file] [--corpus DIR] [--context 6]");
            return 2;
        }

        var count = int.Parse(Option("--count", "40")!);
        var seed = int.Parse(Option("--seed", "1")!);
        var corpus = Option("--corpus", Path.GetDirectoryName(Path.GetFullPath(jsonl)))!;
        var context = int.Parse(Option("--context", "6")!);
        var labelled = new HashSet<string>(StringComparer.Ordinal);
        var exclude = Option("--exclude");
        var labelFiles = exclude == null ? Array.Empty<string>()
            : Directory.Exists(exclude) ? Directory.GetFiles(exclude, "*.tsv")
            : File.Exists(exclude) ? new[] { exclude } : Array.Empty<string>();
        foreach (var labels in labelFiles)
        {
            foreach (var line in File.ReadLines(labels).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                var columns = line.Split('\t');
                if (columns.Length > 4)
                {
                    labelled.Add($"{columns[1]}|{columns[2]}|{columns[4]}");
                }
            }
        }

        var findings = File.ReadLines(jsonl)
            .Select(l => JsonSerializer.Deserialize<Finding>(l)!)
            .Where(f => f.Id == rule && !labelled.Contains($"{f.Id}|{f.Repo}|{f.File}:{f.Line}"))
            .ToList();
        var random = new Random(seed);

        // Round-robin over repositories (each shuffled), so one repository's flood does not fill the sample.
        var queues = findings.GroupBy(f => f.Repo)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<Finding>(g.OrderBy(_ => random.Next())))
            .ToList();
        var sample = new List<Finding>();
        while (sample.Count < count && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (sample.Count < count)
                {
                    sample.Add(queue.Dequeue());
                }
            }
        }

        Console.WriteLine($"# {rule}: {findings.Count} unlabelled findings in {queues.Count} repositories; sample of {sample.Count} (seed {seed})");
        foreach (var finding in sample)
        {
            Console.WriteLine($"## {finding.Repo}\t{finding.Commit}\t{finding.File}:{finding.Line}\t{finding.Message}");
            var path = Path.Combine(corpus, finding.Repo, finding.File);
            if (!File.Exists(path))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = Math.Max(0, finding.Line - 1 - context); i < Math.Min(lines.Length, finding.Line + context); i++)
            {
                Console.WriteLine($"{(i == finding.Line - 1 ? ">>" : "  ")}{i + 1,5}: {lines[i]}");
            }
        }

        return 0;
    }
}
