using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TestSmells.Analyzers.Model;

/// <summary>Code that is data: a lambda converted to an expression tree is described, never run; a <c>nameof</c> only names.</summary>
internal static class ExpressionTrees
{
    /// <summary>
    /// True when <paramref name="operation"/> sits in a lambda converted to <c>Expression&lt;T&gt;</c>
    /// (a query translated to SQL, a mock setup) or in a <c>nameof</c>: never executed as written.
    /// </summary>
    public static bool IsInExpressionTree(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation && current.Parent is { } conversion
                && conversion.Kind is OperationKind.Conversion or OperationKind.DelegateCreation
                && IsExpressionType(conversion.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExpressionType(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "Expression" or "LambdaExpression"
                && current.ContainingNamespace is { Name: "Expressions", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return true;
            }
        }

        return false;
    }
}
