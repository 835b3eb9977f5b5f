using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.SuiteGeneration;

namespace TestSmells.Analyzers.Tests.Robustness;

/// <summary>
/// Compiles the suites of the benchmark's generator (bench/Shared/SuiteGenerator.cs, linked into this
/// project) against the real packages of the tests, with every rule switched on.
/// </summary>
internal static class GeneratedSuites
{
    /// <summary>A finding or an expectation: rule, file and line (0-based).</summary>
    public readonly record struct Finding(string Id, string Path, int Line)
    {
        public override string ToString() => $"{Id} at {Path}:{Line + 1}";
    }

    private static readonly ConcurrentDictionary<SuiteFlavor, Lazy<Task<ImmutableHashSet<Finding>>>> CompleteFindings = new();

    /// <summary>
    /// The options of the suites these tests use: small (three classes, so that the class-level smells
    /// are there too), with a smell every third test, so that every smell of the flavour appears.
    /// </summary>
    public static SuiteOptions Options(SuiteFlavor flavor, int tests = 75) => new(flavor, tests)
    {
        TestsPerClass = 20,
        SmellEvery = 3,
        EntityFramework = flavor is SuiteFlavor.Xunit or SuiteFlavor.Production,
    };

    /// <summary>The framework and libraries a flavour's test project references.</summary>
    public static (Flavor? Flavor, Libs Libs) PackagesOf(SuiteOptions options)
    {
        var (flavor, libs) = TestFlavors.Of(options.Flavor);
        return (flavor, options.EntityFramework ? libs | Libs.EFCoreInMemory : libs);
    }

    /// <summary>
    /// The generated project compiled with its references; <paramref name="keepReference"/> can drop some
    /// (by file name; "Shop.dll" is the code under test) and <paramref name="files"/> replaces the sources.
    /// </summary>
    public static async Task<CSharpCompilation> CompileAsync(
        SuiteOptions options,
        Func<string, bool>? keepReference = null,
        IEnumerable<(string Path, string Text)>? files = null)
    {
        var (flavor, libs) = PackagesOf(options);
        var references = (await References.For(flavor, libs).ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .AddRange(References.Additional(flavor))
            .ToList();
        if (options.Flavor != SuiteFlavor.Production)
        {
            references.Add(await LibraryAsync(options, libs));
        }

        if (keepReference is not null)
        {
            references = references.Where(r => keepReference(NameOf(r))).ToList();
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = (files ?? SuiteGenerator.Generate(options))
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: f.Path));
        return CSharpCompilation.Create(
            "Shop.Tests",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(AllAnalyzers.Descriptors.ToImmutableDictionary(d => d.Id, _ => ReportDiagnostic.Warn)));
    }

    /// <summary>The findings on the complete suite of <see cref="Options"/> (computed once per flavour).</summary>
    public static Task<ImmutableHashSet<Finding>> CompleteFindingsAsync(SuiteFlavor flavor)
        => CompleteFindings.GetOrAdd(flavor, f => new Lazy<Task<ImmutableHashSet<Finding>>>(async () => Found(await AllAnalyzers.RunAsync(await CompileAsync(Options(f)))))).Value;

    /// <summary>The file name of a reference ("Shop.dll" for the code under test).</summary>
    public static string NameOf(MetadataReference reference)
        => reference is PortableExecutableReference { FilePath: { } path } ? Path.GetFileName(path) : reference.Display ?? string.Empty;

    /// <summary>The code under test, compiled and emitted on its own, as the project a test project references.</summary>
    private static async Task<MetadataReference> LibraryAsync(SuiteOptions options, Libs libs)
    {
        var references = await References.For(null, libs & (Libs.EFCore | Libs.EFCoreInMemory)).ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var library = CSharpCompilation.Create(
            "Shop",
            SuiteGenerator.Library(options).Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.CSharp12), path: f.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = library.Emit(image);
        Assert.True(result.Success, "The generated library does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray(), filePath: "Shop.dll");
    }

    /// <summary>Where the generated sources say a rule must report (their "// expect:" markers).</summary>
    public static ImmutableHashSet<Finding> Expected(Compilation compilation)
    {
        var expected = ImmutableHashSet.CreateBuilder<Finding>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var line in tree.GetText().Lines)
            {
                var text = line.ToString();
                var at = text.IndexOf(SuiteGenerator.ExpectMarker, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                foreach (var id in text[(at + SuiteGenerator.ExpectMarker.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    expected.Add(new Finding(id, tree.FilePath, line.LineNumber));
                }
            }
        }

        return expected.ToImmutable();
    }

    public static ImmutableHashSet<Finding> Found(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Select(d => new Finding(d.Id, d.Location.SourceTree?.FilePath ?? string.Empty, d.Location.GetLineSpan().StartLinePosition.Line))
            .ToImmutableHashSet();

    /// <summary>A diagnostic as two runs must agree on: rule, file, span and message.</summary>
    public static string Describe(Diagnostic diagnostic)
        => $"{diagnostic.Id} {diagnostic.Location.SourceTree?.FilePath}{diagnostic.Location.SourceSpan} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
}
