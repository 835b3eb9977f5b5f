using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>TST1001: <c>Thread.Sleep</c> in test code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThreadSleepAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST1001);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var thread = TypeLookup.Find(context.Compilation, "System.Threading.Thread");
        if (thread is null)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (method.Name != "Sleep"
                    || !SymbolEqualityComparer.Default.Equals(method.ContainingType, thread)
                    || invocation.Arguments.Length != 1
                    || !model.IsTestCode(operationContext.ContainingSymbol)
                    || FixedWaits.IsNotAConditionWait(invocation.Arguments[0].Value)
                    || !FixedWaits.IsInTestFlow(invocation))
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.TST1001,
                    invocation.Syntax.GetLocation(),
                    FixedWaits.Properties(operationContext),
                    FixedWaits.DurationText(invocation)));
            },
            OperationKind.Invocation);
    }
}
