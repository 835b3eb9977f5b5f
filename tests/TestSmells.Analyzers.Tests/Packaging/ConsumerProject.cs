using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Packaging;

/// <summary>A package a consumer project references besides ours (its test framework, adapter, SDK).</summary>
public sealed record ConsumerReference(string Id, string Version, bool PrivateAssets = false);

/// <summary>Writes consumer projects: net10.0 test projects that reference the packed package the way a user would.</summary>
public static class ConsumerProject
{
    /// <summary>
    /// Writes <paramref name="projectPath"/>: a test project referencing <paramref name="references"/>
    /// and our package at <paramref name="packageVersion"/>, with <paramref name="properties"/> added.
    /// </summary>
    public static void Write(
        string projectPath,
        string packageVersion,
        IEnumerable<ConsumerReference> references,
        IEnumerable<KeyValuePair<string, string>>? properties = null)
    {
        var text = new StringBuilder();
        text.Append("<Project Sdk=\"Microsoft.NET.Sdk\">\n");
        text.Append("  <PropertyGroup>\n");
        text.Append("    <TargetFramework>net10.0</TargetFramework>\n");
        text.Append("    <Nullable>enable</Nullable>\n");
        text.Append("    <ImplicitUsings>enable</ImplicitUsings>\n");
        text.Append("    <IsPackable>false</IsPackable>\n");
        text.Append("    <IsTestProject>true</IsTestProject>\n");
        text.Append("    <!-- The vulnerability audit needs a network answer that has nothing to do with these tests. -->\n");
        text.Append("    <NuGetAudit>false</NuGetAudit>\n");
        foreach (var (name, value) in properties ?? Enumerable.Empty<KeyValuePair<string, string>>())
        {
            text.Append("    <").Append(name).Append('>').Append(value).Append("</").Append(name).Append(">\n");
        }

        text.Append("  </PropertyGroup>\n");
        text.Append("  <ItemGroup>\n");
        foreach (var reference in references.Append(new ConsumerReference(PackedPackage.PackageId, packageVersion, PrivateAssets: true)))
        {
            text.Append("    <PackageReference Include=\"").Append(reference.Id).Append("\" Version=\"").Append(reference.Version).Append('"');
            text.Append(reference.PrivateAssets ? " PrivateAssets=\"all\" />\n" : " />\n");
        }

        text.Append("  </ItemGroup>\n");
        text.Append("</Project>\n");

        Directory.CreateDirectory(Path.GetDirectoryName(projectPath)!);
        File.WriteAllText(projectPath, text.ToString());
    }

    /// <summary>
    /// The version this repository pins for <paramref name="id"/> in Directory.Packages.props (so the
    /// registry is known to serve it).
    /// </summary>
    public static string Pinned(string id)
    {
        var props = XDocument.Load(Path.Combine(Packages.RepoRoot, "Directory.Packages.props"));
        var pin = props.Descendants("PackageVersion")
            .SingleOrDefault(e => string.Equals(e.Attribute("Include")?.Value, id, StringComparison.OrdinalIgnoreCase));
        return pin?.Attribute("Version")?.Value
            ?? throw new InvalidOperationException($"Directory.Packages.props pins no version of {id}");
    }

    /// <summary>The 1-based line and column of <paramref name="text"/>, which must occur exactly once in <paramref name="source"/>.</summary>
    public static (int Line, int Column) Position(string source, string text)
    {
        var found = new List<(int Line, int Column)>();
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            for (var column = lines[i].IndexOf(text, StringComparison.Ordinal); column >= 0; column = lines[i].IndexOf(text, column + 1, StringComparison.Ordinal))
            {
                found.Add((i + 1, column + 1));
            }
        }

        return found.Count == 1
            ? found[0]
            : throw new ArgumentException($"'{text}' occurs {found.Count} times in the source, not once", nameof(text));
    }
}
