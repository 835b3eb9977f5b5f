using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>
/// TST1004: production code that reads the ambient clock (<c>DateTime.Now/UtcNow/Today</c>,
/// <c>DateTimeOffset.Now/UtcNow</c>) where <c>System.TimeProvider</c> is available to inject.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AmbientClockAnalyzer : TestSmellsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.TST1004);

    private protected override bool AnalyzesProductionCode => true;

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var clock = new ClockReads(context.Compilation);
        if (clock.TimeProvider is null)
        {
            // Nothing to inject: the advice would not compile.
            return;
        }

        // Most files of a project never name the clock: their code registers nothing (one text search
        // per file instead of a callback per property read).
        context.RegisterOperationBlockStartAction(blockStart =>
        {
            if (!model.Words.MayName(blockStart.OperationBlocks, SourceWord.Now | SourceWord.Today))
            {
                return;
            }

            blockStart.RegisterOperationAction(
                operationContext =>
                {
                    var reference = (IPropertyReferenceOperation)operationContext.Operation;
                    var read = clock.Classify(reference);
                    if (read is ClockRead.None or ClockRead.TimeProviderSystem)
                    {
                        return;
                    }

                    var type = operationContext.ContainingSymbol as INamedTypeSymbol ?? operationContext.ContainingSymbol.ContainingType;
                    if (type is null
                        || clock.IsInsideTimeProviderImplementation(type)
                        || ExpressionTrees.IsInExpressionTree(reference)
                        || UnresolvedCode.HasUnresolvedAttribute(operationContext.ContainingSymbol))
                    {
                        return;
                    }

                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Rules.TST1004,
                        reference.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(ClockReads.ReadProperty, read.ToString()),
                        ClockReads.Display(read),
                        type.Name));
                },
                OperationKind.PropertyReference);
        });
    }
}
