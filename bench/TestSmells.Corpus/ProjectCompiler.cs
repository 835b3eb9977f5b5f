using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace TestSmells.Corpus;

/// <summary>
/// Compiles the projects of one repository in memory from source: each project's .cs files (the SDK's
/// default globs), its referenced projects as compilation references (compiled once per repository),
/// and packages from the <see cref="PackageResolver"/>.
/// </summary>
public sealed class ProjectCompiler
{
    private static readonly string[] SdkUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    private static readonly string[] WebUsings =
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    private readonly string repositoryRoot;
    private readonly PackageResolver packages;
    private readonly ConcurrentDictionary<string, ProjectFile> projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CSharpCompilation> compiled = new(StringComparer.Ordinal);
    private readonly HashSet<string> inProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MetadataReference> referenceCache = new(StringComparer.Ordinal);

    public ProjectCompiler(string repositoryRoot, PackageResolver packages)
    {
        this.repositoryRoot = repositoryRoot;
        this.packages = packages;
    }

    public SortedSet<string> MissingPackages { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ProjectFile Project(string path) => projects.GetOrAdd(Path.GetFullPath(path), p => ProjectFile.Read(p, repositoryRoot));

    /// <summary>The .cs files the SDK would compile for the project (bin/obj and nested projects excluded).</summary>
    public static IReadOnlyList<string> SourceFiles(ProjectFile project)
    {
        var files = new List<string>();
        if (!project.IsSdkStyle && project.ExtraCompileGlobs.Count > 0)
        {
            files.AddRange(project.ExtraCompileGlobs.Where(f => !f.Contains('*', StringComparison.Ordinal) && File.Exists(f)));
            return files;
        }

        Walk(project.Directory, isRoot: true, files);
        files.AddRange(project.ExtraCompileGlobs.Where(f => !f.Contains('*', StringComparison.Ordinal) && File.Exists(f) && !files.Contains(f)));
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Walk(string directory, bool isRoot, List<string> files)
    {
        var name = Path.GetFileName(directory);
        if (!isRoot && (name is "bin" or "obj" or "node_modules" || name.StartsWith('.') || Directory.EnumerateFiles(directory, "*.csproj").Any()))
        {
            return;
        }

        files.AddRange(Directory.EnumerateFiles(directory, "*.cs"));
        foreach (var sub in Directory.EnumerateDirectories(directory))
        {
            Walk(sub, isRoot: false, files);
        }
    }

    public CSharpCompilation Compile(ProjectFile project)
    {
        lock (compiled)
        {
            if (compiled.TryGetValue(project.Path, out var existing))
            {
                return existing;
            }

            if (!inProgress.Add(project.Path))
            {
                // A reference cycle (conditional references): compile without the cycle.
                return CSharpCompilation.Create(project.AssemblyName);
            }
        }

        var references = new List<MetadataReference>();
        var packageIds = new HashSet<string>(project.Packages, StringComparer.OrdinalIgnoreCase);
        foreach (var reference in project.ProjectReferences)
        {
            var referenced = Project(reference);
            if (!referenced.IsSdkStyle && SourceFiles(referenced).Count == 0)
            {
                continue;
            }

            references.Add(Reference(referenced));

            // Packages flow transitively from referenced projects, as they do with PackageReference.
            packageIds.UnionWith(TransitivePackages(referenced, new HashSet<string>(StringComparer.Ordinal)));
        }

        if (project.Sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase))
        {
            packageIds.Add("MSTest.TestFramework");
        }

        var missing = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        references.AddRange(packages.Resolve(packageIds, missing, project.PackageVersions));
        lock (MissingPackages)
        {
            MissingPackages.UnionWith(missing);
        }

        var parseOptions = ParseOptions(project);
        var trees = SourceFiles(project)
            .AsParallel().AsOrdered()
            .Select(file => CSharpSyntaxTree.ParseText(SourceText.From(WithoutFriendKeys(File.ReadAllText(file)), Encoding.UTF8), parseOptions, file))
            .ToList();
        var usings = GlobalUsings(project, packageIds);
        if (usings.Length > 0)
        {
            trees.Add(CSharpSyntaxTree.ParseText(usings, parseOptions, Path.Combine(project.Directory, "obj", "GlobalUsings.g.cs")));
        }

        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: project.AllowUnsafe,
            nullableContextOptions: project.NullableEnabled ? NullableContextOptions.Enable : NullableContextOptions.Disable,
            concurrentBuild: true);
        var result = CSharpCompilation.Create(project.AssemblyName, trees, references, options);
        lock (compiled)
        {
            compiled[project.Path] = result;
            inProgress.Remove(project.Path);
        }

        return result;
    }

    /// <summary>
    /// A referenced project as a build sees it: its metadata (a metadata-only image) when its declarations
    /// compile; otherwise the compilation itself, with every declaration bound up front, so that the
    /// analyzers of the test project do not pay for binding another project's declarations on first use
    /// (a build reads them from the referenced project's DLL).
    /// </summary>
    private MetadataReference Reference(ProjectFile project)
    {
        lock (referenceCache)
        {
            if (referenceCache.TryGetValue(project.Path, out var known))
            {
                return known;
            }
        }

        var compilation = Compile(project);
        MetadataReference reference;
        using (var image = new MemoryStream())
        {
            var emitted = compilation.Emit(image, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(metadataOnly: true));
            if (emitted.Success)
            {
                reference = MetadataReference.CreateFromImage(image.ToArray());
            }
            else
            {
                compilation.GetDeclarationDiagnostics();
                reference = compilation.ToMetadataReference();
            }
        }

        lock (referenceCache)
        {
            referenceCache[project.Path] = reference;
        }

        return reference;
    }

    private IEnumerable<string> TransitivePackages(ProjectFile project, HashSet<string> visited)
    {
        if (!visited.Add(project.Path))
        {
            yield break;
        }

        foreach (var package in project.Packages)
        {
            yield return package;
        }

        foreach (var reference in project.ProjectReferences)
        {
            foreach (var package in TransitivePackages(Project(reference), visited))
            {
                yield return package;
            }
        }
    }

    private static readonly Regex FriendKey = new(
        "(InternalsVisibleTo\\s*\\(\\s*\"[^\",]+)\\s*,\\s*PublicKey\\s*=\\s*[0-9A-Fa-f]+\"",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// Drops the public key from <c>InternalsVisibleTo("Tests, PublicKey=...")</c>: projects are compiled
    /// unsigned here, so a keyed grant would hide the internals from the test project (CS0281) and leave
    /// its code unbound. The text keeps its lines, so findings keep their line numbers.
    /// </summary>
    private static string WithoutFriendKeys(string text)
        => text.IndexOf("PublicKey", StringComparison.Ordinal) >= 0 ? FriendKey.Replace(text, "$1\"") : text;

    private static CSharpParseOptions ParseOptions(ProjectFile project)
    {
        var symbols = new List<string> { "DEBUG", "TRACE" };
        var tfm = project.TargetFrameworks
            .Select(f => (Framework: f, Match: Regex.Match(f, @"^net(\d+)\.(\d+)")))
            .Where(f => f.Match.Success && int.Parse(f.Match.Groups[1].Value) >= 5)
            .OrderByDescending(f => int.Parse(f.Match.Groups[1].Value))
            .Select(f => f.Match)
            .FirstOrDefault();
        var major = tfm != null ? int.Parse(tfm.Groups[1].Value) : 8;
        symbols.Add("NET");
        symbols.Add("NETCOREAPP");
        symbols.Add($"NET{major}_0");
        for (var v = 5; v <= major; v++)
        {
            symbols.Add($"NET{v}_0_OR_GREATER");
        }

        symbols.Add("NETCOREAPP3_1_OR_GREATER");
        symbols.Add("NETSTANDARD2_0_OR_GREATER");
        symbols.Add("NETSTANDARD2_1_OR_GREATER");
        symbols.AddRange(project.DefineConstants);
        return new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Parse, SourceCodeKind.Regular, symbols.Distinct());
    }

    private static string GlobalUsings(ProjectFile project, ISet<string> packageIds)
    {
        var usings = new HashSet<string>(project.Usings, StringComparer.Ordinal);
        if (project.ImplicitUsings)
        {
            usings.UnionWith(SdkUsings);
            if (project.Sdk.Contains("Web", StringComparison.OrdinalIgnoreCase))
            {
                usings.UnionWith(WebUsings);
            }

            if (packageIds.Any(p => p.StartsWith("xunit.v3", StringComparison.OrdinalIgnoreCase)))
            {
                usings.Add("Xunit");
            }
        }

        if (project.Sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase))
        {
            usings.Add("Microsoft.VisualStudio.TestTools.UnitTesting");
        }

        if (packageIds.Contains("TUnit") || packageIds.Contains("TUnit.Core"))
        {
            usings.UnionWith(new[] { "TUnit.Core", "TUnit.Assertions", "TUnit.Assertions.Extensions" });
        }

        usings.ExceptWith(project.RemovedUsings);
        return string.Concat(usings.OrderBy(u => u, StringComparer.Ordinal).Select(u => $"global using global::{u};\n"));
    }
}
