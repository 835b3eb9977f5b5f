using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Robustness;

/// <summary>
/// Every analyzer over the sample suites of the repository (whatever projects samples/ holds), each
/// compiled as well as the tests can: with the framework and libraries its project file names and the
/// sample projects it references. What the tests cannot provide (ASP.NET Core for a web project, say)
/// stays unresolved: the analyzers must then degrade to silence, never throw.
/// </summary>
public class SampleSuitesTests
{
    private static readonly string SamplesFolder = Path.Combine(Packages.RepoRoot, "samples");

    /// <summary>Each folder under samples/ with a project file, as theory data.</summary>
    public static TheoryData<string> SampleProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.GetFiles(SamplesFolder, "*.csproj", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(SamplesFolder, Path.GetDirectoryName(project)!));
        }

        return data;
    }

    [Fact]
    public void The_repository_has_sample_suites()
        => Assert.NotEmpty(SampleProjects());

    [Theory]
    [MemberData(nameof(SampleProjects))]
    public async Task A_sample_suite_is_analyzed_without_exceptions(string project)
    {
        var folder = Path.Combine(SamplesFolder, project);
        var projectFile = File.ReadAllText(Directory.GetFiles(folder, "*.csproj").Single());
        var sources = SourcesOf(folder);
        Assert.NotEmpty(sources);
        var (flavor, _) = PackagesOf(projectFile);

        var compilation = await CompileAsync(folder, depth: 0);
        var diagnostics = await AllAnalyzers.RunAsync(compilation);

        // A sample that compiles here is a test suite the analyzers understand: they must have run on it.
        if (!compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) && flavor is not null)
        {
            Assert.True(diagnostics.Length > 0 || !sources.Any(s => File.ReadAllText(s).Contains("TST", StringComparison.Ordinal)), $"No finding in {project}, whose sources mention rules");
        }
    }

    /// <summary>
    /// The project in <paramref name="folder"/> compiled against the packages its project file names and
    /// the sample projects it references (compiled the same way, referenced even when they have errors).
    /// </summary>
    internal static async Task<CSharpCompilation> CompileAsync(string folder, int depth)
    {
        var projectFile = File.ReadAllText(Directory.GetFiles(folder, "*.csproj").Single());
        var (flavor, libs) = PackagesOf(projectFile);
        var references = (await References.For(flavor, libs).ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .AddRange(References.Additional(flavor))
            .ToList();
        foreach (var referenced in ProjectReferences(projectFile, folder))
        {
            if (depth < 4)
            {
                references.Add((await CompileAsync(referenced, depth + 1)).ToMetadataReference());
            }
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = SourcesOf(folder)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path: path))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings(projectFile, flavor), parseOptions, path: "GlobalUsings.g.cs"));
        return CSharpCompilation.Create(
            Path.GetFileName(folder),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The folders of the sample projects whose output <paramref name="projectFile"/> references.</summary>
    private static IEnumerable<string> ProjectReferences(string projectFile, string folder)
    {
        foreach (var line in projectFile.Split('\n'))
        {
            var at = line.IndexOf("<ProjectReference Include=\"", StringComparison.Ordinal);
            if (at < 0 || line.Contains("ReferenceOutputAssembly=\"false\"", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var start = at + "<ProjectReference Include=\"".Length;
            var path = Path.GetFullPath(Path.Combine(folder, line[start..line.IndexOf('"', start)].Replace('\\', '/')));
            var referenced = Path.GetDirectoryName(path)!;
            if (File.Exists(path) && referenced.StartsWith(SamplesFolder, StringComparison.Ordinal))
            {
                yield return referenced;
            }
        }
    }

    /// <summary>The .cs files of a project folder, without build output (obj/, bin/).</summary>
    private static List<string> SourcesOf(string folder)
        => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path =>
            {
                var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
                return !relative.StartsWith("obj/", StringComparison.Ordinal) && !relative.StartsWith("bin/", StringComparison.Ordinal)
                    && !relative.Contains("/obj/", StringComparison.Ordinal) && !relative.Contains("/bin/", StringComparison.Ordinal);
            })
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();

    /// <summary>The framework and libraries a project file references, among those the tests can provide.</summary>
    private static (Flavor? Flavor, Libs Libs) PackagesOf(string projectFile)
    {
        bool References(string id) => projectFile.Contains($"Include=\"{id}\"", StringComparison.OrdinalIgnoreCase);

        Flavor? flavor = References("xunit.v3") || References("xunit.v3.core") ? Flavor.XunitV3
            : References("xunit") || References("xunit.core") ? Flavor.XunitV2
            : References("NUnit") ? Flavor.NUnit4
            : References("MSTest") || References("MSTest.TestFramework") ? Flavor.MSTest4
            : References("TUnit") || References("TUnit.Core") ? Flavor.TUnit
            : null;
        var libs = Libs.None;
        if (References("Moq")) libs |= Libs.Moq;
        if (References("NSubstitute")) libs |= Libs.NSubstitute;
        if (References("FakeItEasy")) libs |= Libs.FakeItEasy;
        if (References("FluentAssertions")) libs |= Libs.FluentAssertions;
        if (References("AwesomeAssertions")) libs |= Libs.AwesomeAssertions;
        if (References("Shouldly")) libs |= Libs.Shouldly;
        if (References("Microsoft.EntityFrameworkCore")) libs |= Libs.EFCore;
        if (References("Microsoft.EntityFrameworkCore.InMemory")) libs |= Libs.EFCoreInMemory;
        if (References("Microsoft.EntityFrameworkCore.Sqlite")) libs |= Libs.EFCoreSqlite;
        if (References("Microsoft.Extensions.TimeProvider.Testing")) libs |= Libs.TimeProviderTesting;
        return (flavor, libs);
    }

    /// <summary>The global usings the SDK would write: the implicit ones when enabled, and the project's &lt;Using&gt; items.</summary>
    private static string GlobalUsings(string projectFile, Flavor? flavor)
    {
        var usings = new List<string>();
        if (projectFile.Contains("<ImplicitUsings>enable</ImplicitUsings>", StringComparison.OrdinalIgnoreCase))
        {
            usings.AddRange(new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" });
            if (flavor == Flavor.XunitV3)
            {
                usings.Add("Xunit");
            }
        }

        foreach (var part in projectFile.Split("<Using Include=\"").Skip(1))
        {
            usings.Add(part[..part.IndexOf('"', StringComparison.Ordinal)]);
        }

        return string.Join("\n", usings.Distinct(StringComparer.Ordinal).Select(u => $"global using {u};"));
    }
}
