using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>
/// TST1003: a read of the wall clock (<c>DateTime.Now/UtcNow/Today</c>, <c>DateTimeOffset.Now/UtcNow</c>,
/// <c>TimeProvider.System</c>) in test code that makes the test's outcome depend on when or where it runs
/// (see <see cref="ClockDependence"/>); every read with <c>test_smells.wall_clock = all</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WallClockAnalyzer : TestSmellsAnalyzer
{
    private protected override bool FindingsStayInAnalyzedMember => true;

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST1003);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var clock = new ClockReads(context.Compilation);
        var dependence = new ClockDependenceModel(clock);
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

                var tree = reference.Syntax.SyntaxTree;
                var why = SmellOptions.ReportsEveryClockRead(operationContext.Options, tree)
                    ? ClockDependence.EveryRead
                    : dependence.Of(reference, read, operationContext.ContainingSymbol, model.Assertions.For(operationContext.Options, tree));
                if (why == ClockDependence.None)
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.TST1003,
                    reference.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(ClockReads.ReadProperty, read.ToString()),
                    ClockReads.Display(read),
                    ClockDependenceModel.Reason(why)));
            },
            OperationKind.PropertyReference);
    }
}
