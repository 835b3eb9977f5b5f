using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Tests.Robustness;

namespace TestSmells.Analyzers.Tests.Baseline;

/// <summary>
/// Every analyzer, whatever contexts it reports from, goes through the baseline: the sample suites'
/// findings written into a baseline (member ids computed here from the enclosing symbol, independently
/// of the analyzers' own lookup) leave nothing reported and nothing stale.
/// </summary>
public class BaselineEveryRuleTests
{
    [Theory]
    [InlineData("Demo.Tests")]
    [InlineData("OrdersApi.SmellyTests")]
    public async Task A_baseline_of_a_suites_findings_silences_every_rule(string sample)
    {
        var compilation = await SampleSuitesTests.CompileAsync(Path.Combine(Packages.RepoRoot, "samples", sample), depth: 0);
        var findings = await AllAnalyzers.RunAsync(compilation);
        Assert.True(findings.Select(d => d.Id).Distinct().Count() >= 5, "The sample should exercise several rules: " + string.Join(", ", findings.Select(d => d.Id).Distinct()));

        var lines = findings
            .GroupBy(d => (d.Id, Member: MemberOf(compilation, d)))
            .Select(g => $"{g.Key.Id} {g.Key.Member} {g.Count()}")
            .OrderBy(l => l, StringComparer.Ordinal);
        var baseline = $"# every finding of {sample}\n[{compilation.AssemblyName}]\n" + string.Join("\n", lines) + "\n";

        var again = await AllAnalyzers.RunAsync(compilation, additionalFiles: ImmutableArray.Create<AdditionalText>(new Text("/src/testsmells.baseline", baseline)));
        Assert.True(again.IsEmpty, "Still reported with the baseline:\n" + string.Join("\n", again) + "\n\nBaseline:\n" + baseline);
    }

    private static string MemberOf(Compilation compilation, Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        if (tree is null)
        {
            return "-";
        }

        // The innermost declaration around the finding that declares a member or a type (not a local,
        // a parameter, a lambda or a local function).
        var model = compilation.GetSemanticModel(tree);
        ISymbol? symbol = null;
        foreach (var node in tree.GetRoot().FindToken(diagnostic.Location.SourceSpan.Start).Parent!.AncestorsAndSelf())
        {
            var declared = model.GetDeclaredSymbol(node);
            if (declared is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } or ILocalSymbol or IParameterSymbol or ITypeParameterSymbol or IRangeVariableSymbol or ILabelSymbol)
            {
                continue;
            }

            if (declared is not null)
            {
                symbol = declared is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : declared;
                break;
            }
        }

        return symbol is null or INamespaceSymbol ? "-" : DocumentationCommentId.CreateDeclarationId(symbol) ?? "-";
    }

    private sealed class Text : AdditionalText
    {
        private readonly SourceText _text;

        public Text(string path, string content)
        {
            Path = path;
            _text = SourceText.From(content, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
