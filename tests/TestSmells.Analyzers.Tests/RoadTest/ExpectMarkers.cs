using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TestSmells.Analyzers.Tests.RoadTest;

/// <summary>
/// One <c>// expect: TSTxxxx</c> marker of the smelly sample: the finding the analyzers must report on
/// that line. <see cref="File"/> is relative to the sample folder, with '/' separators.
/// <see cref="NoFix"/> is set by a note <c>(no fix: why)</c> after the ids: the rule has a code fix,
/// but not for this instance, so the finding stays after the fixes.
/// </summary>
public sealed record ExpectMarker(string File, int Line, string Id, bool NoFix)
{
    public override string ToString() => $"{File}({Line}): {Id}{(NoFix ? " (no fix)" : string.Empty)}";
}

/// <summary>Reads the markers of C# files: <c>// expect: TST1001</c>, <c>// expect: TST3001, TST2003</c>, <c>// expect: TST3003 (no fix: ...)</c>.</summary>
public static class ExpectMarkers
{
    private static readonly Regex Marker = new(
        @"//\s*expect:\s*(?<ids>TST\d{4}(?:\s*,\s*TST\d{4})*)\s*(?:\((?<note>[^)]*)\))?",
        RegexOptions.CultureInvariant);

    private static readonly Regex Id = new(@"TST\d{4}", RegexOptions.CultureInvariant);

    /// <summary>The markers of every .cs file below <paramref name="folders"/> (bin and obj left out), paths relative to <paramref name="root"/>.</summary>
    public static IReadOnlyList<ExpectMarker> Read(string root, params string[] folders)
    {
        var markers = new List<ExpectMarker>();
        foreach (var file in SourceFiles(root, folders))
        {
            var lines = System.IO.File.ReadAllLines(Path.Combine(root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Marker.Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }

                var noFix = match.Groups["note"].Value.TrimStart().StartsWith("no fix", StringComparison.OrdinalIgnoreCase);
                markers.AddRange(Id.Matches(match.Groups["ids"].Value).Select(id => new ExpectMarker(file, i + 1, id.Value, noFix)));
            }
        }

        return markers;
    }

    /// <summary>The .cs files below <paramref name="folders"/>, outside bin and obj, relative to <paramref name="root"/> with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> SourceFiles(string root, params string[] folders)
        => folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => Relative(root, path))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();

    /// <summary><paramref name="path"/> relative to <paramref name="root"/>, with '/' separators.</summary>
    public static string Relative(string root, string path)
        => Path.GetRelativePath(root, path).Replace('\\', '/');
}
