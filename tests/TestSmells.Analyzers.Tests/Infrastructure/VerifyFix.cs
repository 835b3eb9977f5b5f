using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TestSmells.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs one code fix: the single fix, then Fix All in document, project and solution (the harness
/// checks all three against <c>fixedSource</c>), and finally every TestSmells analyzer over the
/// fixed code, which must compile and raise none of our diagnostics.
/// </summary>
public static class VerifyFix<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    [AssertionMethod]
    public static async Task CodeFixAsync(
        string source,
        string fixedSource,
        Flavor? flavor,
        Libs libs = Libs.None,
        string? equivalenceKey = null,
        string? editorConfig = null,
        bool fixedCodeMustBeClean = true)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = References.For(flavor, libs),
            CodeActionEquivalenceKey = equivalenceKey,
        };
        test.TestState.AdditionalReferences.AddRange(References.Additional(flavor));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
            test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        await test.RunAsync();

        if (fixedCodeMustBeClean)
        {
            await AllAnalyzers.AssertCleanAsync(fixedSource, flavor, libs, editorConfig);
        }
    }

    /// <summary>Asserts that no fix with <paramref name="equivalenceKey"/> (or none at all) is offered.</summary>
    [AssertionMethod]
    public static Task NoFixAsync(string source, Flavor? flavor, Libs libs = Libs.None, string? equivalenceKey = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = source,
            ReferenceAssemblies = References.For(flavor, libs),
            CodeActionEquivalenceKey = equivalenceKey,
        };
        test.TestState.AdditionalReferences.AddRange(References.Additional(flavor));
        return test.RunAsync();
    }
}
