using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>TST1002: a <c>Task.Delay</c> that the test awaits or blocks on, in test code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TaskDelayAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST1002);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var task = TypeLookup.Find(context.Compilation, "System.Threading.Tasks.Task");
        if (task is null)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (method.Name != "Delay"
                    || !SymbolEqualityComparer.Default.Equals(method.ContainingType, task)
                    || invocation.Arguments.Length == 0
                    || !IsWaitedOn(invocation)
                    || !model.IsTestCode(operationContext.ContainingSymbol)
                    || FixedWaits.IsNotAConditionWait(invocation.Arguments[0].Value)
                    || !FixedWaits.IsInTestFlow(invocation))
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.TST1002,
                    invocation.Syntax.GetLocation(),
                    FixedWaits.Properties(operationContext),
                    FixedWaits.DurationText(invocation)));
            },
            OperationKind.Invocation);
    }

    /// <summary>
    /// True when the test itself waits for the delay: <c>await Task.Delay(..)</c> (also with
    /// <c>ConfigureAwait</c>), <c>.Wait()</c> or <c>.GetAwaiter().GetResult()</c>. A delay that is
    /// raced, stored or passed as an argument (a timeout) is not waited on here.
    /// </summary>
    private static bool IsWaitedOn(IInvocationOperation delay)
    {
        var parent = delay.Parent;
        if (parent is IAwaitOperation)
        {
            return true;
        }

        if (parent is not IInvocationOperation call || !ReferenceEquals(call.Instance, delay))
        {
            return false;
        }

        switch (call.TargetMethod.Name)
        {
            case "Wait":
                return call.Arguments.Length == 0;
            case "ConfigureAwait":
                return call.Parent is IAwaitOperation;
            case "GetAwaiter":
                return call.Parent is IInvocationOperation { TargetMethod.Name: "GetResult" } getResult
                    && ReferenceEquals(getResult.Instance, call);
            default:
                return false;
        }
    }
}
