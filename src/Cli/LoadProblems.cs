using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TestSmells.Cli;

/// <summary>
/// The load failures MSBuildWorkspace reports, one short summary per project instead of one line per
/// message: a real repository whose restore is incomplete produces dozens of NuGet messages per
/// project (each package not found, each version resolved instead of the one asked for), and the one
/// thing a user needs from them is which projects are affected and which packages are missing.
/// Other messages (a project file that does not parse, a failed design-time build) are shown as they
/// are, a few per project.
/// </summary>
public sealed record LoadProblems(string Project, bool RestoreOnly, IReadOnlyList<string> Lines)
{
    /// <summary>How many other (not restore) messages a project shows before "and N more".</summary>
    private const int OtherMessagesShown = 3;

    private const int PackagesNamed = 8;

    private static readonly Regex PerFile = new(@"^Msbuild failed when processing the file '(?<file>[^']+)' with message: (?<message>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex NotFound = new(@"^Unable to find package (?<id>[^\s.,]+(?:\.[^\s.,]+)*)", RegexOptions.CultureInvariant);

    /// <summary>Restore messages that change nothing a scan needs: another version was taken, or a downgrade was flagged.</summary>
    private static readonly Regex RestoreNoise = new(@"(was not found\. .* was resolved instead|Detected package downgrade|^\s*\S.* -> .*\(>?= ?[^)]*\)\s*$)", RegexOptions.CultureInvariant);

    /// <summary>
    /// Groups the messages by project, in the order of their first message. <see cref="RestoreOnly"/>:
    /// only missing packages and version warnings, so the project loaded, with gaps.
    /// </summary>
    public static IReadOnlyList<LoadProblems> Summarize(IEnumerable<string> messages, string baseFolder)
    {
        var byProject = new List<(string Project, List<string> Messages)>();
        foreach (var message in messages)
        {
            var match = PerFile.Match(message.Trim());
            var project = match.Success ? Relative(match.Groups["file"].Value, baseFolder) : string.Empty;
            var text = match.Success ? match.Groups["message"].Value : message;
            var group = byProject.FirstOrDefault(g => g.Project == project).Messages;
            if (group is null)
            {
                group = new List<string>();
                byProject.Add((project, group));
            }

            group.Add(FirstLine(text));
        }

        return byProject.Select(g => Describe(g.Project, g.Messages)).Where(p => p.Lines.Count > 0).ToList();
    }

    private static LoadProblems Describe(string project, List<string> messages)
    {
        var prefix = project.Length == 0 ? string.Empty : project + ": ";
        var missing = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var others = new List<string>();
        var noise = 0;
        foreach (var message in messages.Distinct(StringComparer.Ordinal))
        {
            if (NotFound.Match(message) is { Success: true } notFound)
            {
                missing.Add(notFound.Groups["id"].Value);
            }
            else if (RestoreNoise.IsMatch(message))
            {
                noise++;
            }
            else
            {
                others.Add(message);
            }
        }

        var lines = new List<string>();
        if (missing.Count > 0)
        {
            var named = string.Join(", ", missing.Take(PackagesNamed)) + (missing.Count > PackagesNamed ? $" and {missing.Count - PackagesNamed} more" : string.Empty);
            lines.Add($"{prefix}restore is incomplete, {missing.Count} package(s) not found in your package sources ({named}); "
                + "the types they declare are unresolved, so findings that need them may be missing");
        }

        lines.AddRange(others.Take(OtherMessagesShown).Select(m => prefix + m));
        if (others.Count > OtherMessagesShown)
        {
            lines.Add($"{prefix}and {others.Count - OtherMessagesShown} more load message(s)");
        }

        if (lines.Count == 0 && noise > 0)
        {
            // Only versions resolved other than asked, or a flagged downgrade: worth one line, since a
            // restore that fails on a downgrade leaves references out.
            lines.Add($"{prefix}restore reported {noise} version warning(s) (packages resolved at other versions than asked); run dotnet restore to see them");
        }

        return new LoadProblems(project, RestoreOnly: others.Count == 0, lines);
    }

    private static string Relative(string file, string baseFolder)
    {
        var relative = Path.GetRelativePath(baseFolder, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
