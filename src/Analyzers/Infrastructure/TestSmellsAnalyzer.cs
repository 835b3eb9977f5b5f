using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Infrastructure;

/// <summary>
/// Base of every TestSmells analyzer: skips generated code, runs concurrently, builds (or reuses)
/// the per-compilation <see cref="TestCodeModel"/> and registers nothing at all when the
/// compilation references no test framework.
/// </summary>
public abstract class TestSmellsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>True for the rules about production code (they run where no test framework is referenced).</summary>
    private protected virtual bool AnalyzesProductionCode => false;

    /// <summary>
    /// True for the rules that run in every compilation, with or without a test framework (they
    /// decide per member what they look at); overrides <see cref="AnalyzesProductionCode"/>.
    /// </summary>
    private protected virtual bool AnalyzesEveryCompilation => false;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var model = TestCodeModel.For(start.Compilation);
            if (!AnalyzesEveryCompilation && model.HasTestFramework == AnalyzesProductionCode)
            {
                return;
            }

            Register(start, model);
        });
    }

    /// <summary>Registers the rule's actions; called once per compilation that the rule applies to.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext context, TestCodeModel model);
}
