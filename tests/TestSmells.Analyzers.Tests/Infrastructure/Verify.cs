using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TestSmells.Analyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer over a source written with <c>{|TSTxxxx:...|}</c> markup.</summary>
public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected finding of <paramref name="id"/> at the rule's default severity (as markup expects it).</summary>
    public static DiagnosticResult Diagnostic(string id)
    {
        foreach (var descriptor in new TAnalyzer().SupportedDiagnostics)
        {
            if (descriptor.Id == id)
            {
                return new DiagnosticResult(descriptor);
            }
        }

        return new DiagnosticResult(id, DiagnosticSeverity.Warning);
    }

    [AssertionMethod]
    public static Task AnalyzerAsync(string source, Flavor? flavor, Libs libs = Libs.None, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = References.For(flavor, libs),
        };
        test.TestState.AdditionalReferences.AddRange(References.Additional(flavor));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Runs a test the caller has set up itself (several projects, extra files).</summary>
    [AssertionMethod]
    public static Task RunAsync(CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> test) => test.RunAsync();
}
