using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TestSmells.Corpus;

/// <summary>
/// What the corpus needs of an SDK-style project file, read without MSBuild: package and project
/// references, global usings, target frameworks and the SDK, from the project and every
/// Directory.Build.props/.targets and Directory.Packages.props above it (up to the repository root).
/// Conditions are ignored: a reference under any condition counts.
/// </summary>
public sealed class ProjectFile
{
    private ProjectFile(string path)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(path)!;
        Name = System.IO.Path.GetFileNameWithoutExtension(path);
    }

    public string Path { get; }

    public string Directory { get; }

    public string Name { get; }

    public string AssemblyName { get; private set; } = string.Empty;

    public string Sdk { get; private set; } = string.Empty;

    public HashSet<string> Packages { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The literal version a package reference (or a central PackageVersion) names, by package id.</summary>
    public Dictionary<string, string> PackageVersions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> ProjectReferences { get; } = new();

    public HashSet<string> Usings { get; } = new(StringComparer.Ordinal);

    public HashSet<string> RemovedUsings { get; } = new(StringComparer.Ordinal);

    public List<string> TargetFrameworks { get; } = new();

    public bool ImplicitUsings { get; private set; }

    public bool AllowUnsafe { get; private set; }

    public bool NullableEnabled { get; private set; }

    public List<string> DefineConstants { get; } = new();

    public List<string> ExtraCompileGlobs { get; } = new();

    public bool IsSdkStyle { get; private set; }

    /// <summary>Test framework packages (or SDKs) that make a project a test project.</summary>
    public bool IsTestProject
        => Sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase)
            || Packages.Any(p => TestFrameworkPackages.Contains(p));

    public static readonly HashSet<string> TestFrameworkPackages = new(StringComparer.OrdinalIgnoreCase)
    {
        "xunit", "xunit.core", "xunit.v3", "xunit.v3.core", "xunit.v3.mtp-v1", "xunit.v3.mtp-v2", "xunit.v3.mtp-off",
        "xunit.extensibility.core", "xunit.v3.extensibility.core",
        "NUnit", "MSTest.TestFramework", "MSTest", "TUnit", "TUnit.Core",
    };

    public static ProjectFile Read(string path, string repositoryRoot)
    {
        var project = new ProjectFile(System.IO.Path.GetFullPath(path));
        var files = new List<string>();
        for (var dir = project.Directory; dir != null && dir.StartsWith(repositoryRoot, StringComparison.Ordinal); dir = System.IO.Path.GetDirectoryName(dir))
        {
            foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    files.Add(candidate);
                }
            }
        }

        files.Reverse();
        files.Add(project.Path);
        foreach (var file in files)
        {
            project.ReadFile(file, isProject: file == project.Path);
        }

        if (project.AssemblyName.Length == 0)
        {
            project.AssemblyName = project.Name;
        }

        return project;
    }

    private void RecordVersion(string package, System.Xml.Linq.XElement element)
    {
        var version = (string?)element.Attribute("Version") ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == "Version")?.Value;
        if (version is { Length: > 0 } && !version.Contains("$(", StringComparison.Ordinal) && char.IsDigit(version[0]))
        {
            PackageVersions[package] = version.Trim();
        }
    }

    private void ReadFile(string file, bool isProject)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(file);
        }
        catch (Exception)
        {
            return;
        }

        var root = document.Root;
        if (root == null)
        {
            return;
        }

        if (isProject)
        {
            var sdk = (string?)root.Attribute("Sdk") ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value;
            Sdk = sdk ?? string.Empty;
            IsSdkStyle = sdk != null || root.Elements().Any(e => e.Name.LocalName == "Import" && ((string?)e.Attribute("Sdk")) != null);
        }

        var directory = System.IO.Path.GetDirectoryName(file)!;
        foreach (var element in root.Descendants())
        {
            var value = element.Value.Trim();
            switch (element.Name.LocalName)
            {
                case "PackageReference":
                    if ((string?)element.Attribute("Include") is { Length: > 0 } package)
                    {
                        Packages.Add(package);
                        RecordVersion(package, element);
                    }

                    break;
                case "PackageVersion":
                    if ((string?)element.Attribute("Include") is { Length: > 0 } versioned)
                    {
                        RecordVersion(versioned, element);
                    }

                    break;
                case "ProjectReference":
                    if ((string?)element.Attribute("Include") is { Length: > 0 } reference && !reference.Contains("$(", StringComparison.Ordinal))
                    {
                        // MSBuild evaluates items of an imported file relative to the project; the
                        // imported file's own folder is kept as a fallback.
                        var relative = reference.Replace('\\', '/');
                        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, relative));
                        if (!File.Exists(full))
                        {
                            full = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, relative));
                        }

                        if (File.Exists(full) && !ProjectReferences.Contains(full))
                        {
                            ProjectReferences.Add(full);
                        }
                    }

                    break;
                case "Using":
                    if ((string?)element.Attribute("Include") is { Length: > 0 } used)
                    {
                        if ((string?)element.Attribute("Alias") is null && (string?)element.Attribute("Static") is not "true")
                        {
                            Usings.Add(used);
                        }
                    }
                    else if ((string?)element.Attribute("Remove") is { Length: > 0 } removed)
                    {
                        RemovedUsings.Add(removed);
                    }

                    break;
                case "TargetFramework":
                case "TargetFrameworks":
                    if (isProject || TargetFrameworks.Count == 0)
                    {
                        var frameworks = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Where(f => !f.Contains("$(", StringComparison.Ordinal))
                            .ToList();
                        if (frameworks.Count > 0)
                        {
                            TargetFrameworks.Clear();
                            TargetFrameworks.AddRange(frameworks);
                        }
                    }

                    break;
                case "ImplicitUsings":
                    ImplicitUsings = value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase);
                    break;
                case "AllowUnsafeBlocks":
                    AllowUnsafe |= value.Equals("true", StringComparison.OrdinalIgnoreCase);
                    break;
                case "Nullable":
                    NullableEnabled = value.Equals("enable", StringComparison.OrdinalIgnoreCase);
                    break;
                case "AssemblyName":
                    if (isProject && value.Length > 0 && !value.Contains("$(", StringComparison.Ordinal))
                    {
                        AssemblyName = value;
                    }

                    break;
                case "DefineConstants":
                    DefineConstants.AddRange(Regex.Split(value, "[;,]").Select(s => s.Trim()).Where(s => s.Length > 0 && !s.Contains("$(", StringComparison.Ordinal)));
                    break;
                case "Compile":
                    if (isProject && (string?)element.Attribute("Include") is { Length: > 0 } compiled && !compiled.Contains("$(", StringComparison.Ordinal))
                    {
                        ExtraCompileGlobs.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, compiled.Replace('\\', '/'))));
                    }

                    break;
            }
        }
    }
}
