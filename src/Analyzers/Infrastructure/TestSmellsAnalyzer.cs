using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Infrastructure;

/// <summary>
/// Base of every TestSmells analyzer: skips generated code, runs concurrently, builds (or reuses)
/// the per-compilation <see cref="TestCodeModel"/> and registers nothing at all when the
/// compilation references no test framework. When the project has a <c>testsmells.baseline</c>
/// file, it also hands the rule a context whose findings go through the baseline
/// (<see cref="BaselineFilter"/>); without one, the rule gets the compiler's context untouched.
/// </summary>
public abstract class TestSmellsAnalyzer : DiagnosticAnalyzer
{
    private ImmutableArray<DiagnosticDescriptor> _supported;

    /// <summary>True for the rules about production code (they run where no test framework is referenced).</summary>
    private protected virtual bool AnalyzesProductionCode => false;

    /// <summary>
    /// True for the rules that run in every compilation, with or without a test framework (they
    /// decide per member what they look at); overrides <see cref="AnalyzesProductionCode"/>.
    /// </summary>
    private protected virtual bool AnalyzesEveryCompilation => false;

    /// <summary>
    /// True for the rules whose findings always lie inside the member their callback analyzes (a test method's
    /// name, a call in its body). The compiler runs no rule on generated code (files named or headed as
    /// generated, members and types marked <c>[GeneratedCode]</c>); for these rules it then also skips its
    /// second check of each finding, which walks every token of the finding's file once: on a suite with many
    /// findings (the first run on a legacy suite) that check cost more than the rule itself. Findings under
    /// <c>#line hidden</c> stay unreported as well (GeneratedCodeTests pins all of it, every rule included).
    /// </summary>
    private protected virtual bool FindingsStayInAnalyzedMember => false;

    /// <summary>The rule's own descriptors (the baseline's stale-entry diagnostic is added to them).</summary>
    private protected abstract ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => _supported.IsDefault ? _supported = Descriptors.Add(Rules.TSTB002) : _supported;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(FindingsStayInAnalyzedMember ? GeneratedCodeAnalysisFlags.ReportDiagnostics : GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var model = TestCodeModel.For(start.Compilation);
            if (!AnalyzesEveryCompilation && model.HasTestFramework == AnalyzesProductionCode)
            {
                return;
            }

            var baseline = Baseline.For(start.Compilation, start.Options, start.CancellationToken);
            if (baseline is null)
            {
                Register(start, model);
                return;
            }

            var filter = new BaselineFilter(baseline, Descriptors);
            Register(new BaselineCompilationStartContext(start, filter), model);
            start.RegisterCompilationEndAction(filter.ReportAtEnd);
        });
    }

    /// <summary>Registers the rule's actions; called once per compilation that the rule applies to.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext context, TestCodeModel model);
}
