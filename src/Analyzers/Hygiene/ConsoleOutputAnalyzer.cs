using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Hygiene;

/// <summary>
/// TST5002: <c>Console.Write</c>/<c>Console.WriteLine</c>, and <c>Write</c>/<c>WriteLine</c> on
/// <c>Console.Out</c> or <c>Console.Error</c>, in test code. <c>Debug</c> and <c>Trace</c> output is
/// not console output (it goes to trace listeners and is compiled out of release builds).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsoleOutputAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST5002);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var console = TypeLookup.Find(context.Compilation, "System.Console");
        if (console is null)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var name = invocation.TargetMethod.Name;
                if (name is not ("Write" or "WriteLine"))
                {
                    return;
                }

                var written = ConsoleWrite(invocation, console);
                if (written is null
                    || !model.IsTestCode(operationContext.ContainingSymbol)
                    || ExpressionTrees.IsInExpressionTree(invocation))
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(Rules.TST5002, invocation.Syntax.GetLocation(), written + "." + name));
            },
            OperationKind.Invocation);
    }

    /// <summary><c>Console</c>, <c>Console.Out</c> or <c>Console.Error</c> when the call writes there; otherwise null.</summary>
    internal static string? ConsoleWrite(IInvocationOperation invocation, INamedTypeSymbol console)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic)
        {
            return SymbolEqualityComparer.Default.Equals(method.ContainingType, console) ? "Console" : null;
        }

        return invocation.Instance is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Out" or "Error" } stream }
            && SymbolEqualityComparer.Default.Equals(stream.ContainingType, console)
            ? "Console." + stream.Name
            : null;
    }
}
