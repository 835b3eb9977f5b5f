using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>
/// TST1003: a read of the wall clock (<c>DateTime.Now/UtcNow/Today</c>, <c>DateTimeOffset.Now/UtcNow</c>,
/// <c>TimeProvider.System</c>) in test code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WallClockAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST1003);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var clock = new ClockReads(context.Compilation);
        context.RegisterOperationAction(
            operationContext =>
            {
                var reference = (IPropertyReferenceOperation)operationContext.Operation;
                var read = clock.Classify(reference);
                if (read == ClockRead.None
                    || !model.IsTestCode(operationContext.ContainingSymbol)
                    || ExpressionTrees.IsInExpressionTree(reference))
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.TST1003,
                    reference.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(ClockReads.ReadProperty, read.ToString()),
                    ClockReads.Display(read)));
            },
            OperationKind.PropertyReference);
    }
}
