using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.TestDoubles;

/// <summary>
/// TST2002: <c>UseInMemoryDatabase(...)</c> of Microsoft.EntityFrameworkCore.InMemory, anywhere in a
/// test project (test classes, fixtures, web application factories). Reported on the
/// <c>.UseInMemoryDatabase(...)</c> part of the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InMemoryDatabaseAnalyzer : TestSmellsAnalyzer
{
    internal const string MethodName = "UseInMemoryDatabase";

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST2002);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var extensions = TypeLookup.FindAll(context.Compilation, "Microsoft.EntityFrameworkCore.InMemoryDbContextOptionsExtensions");
        if (extensions.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (method.Name != MethodName
                    || method.ContainingType is not { } type
                    || !extensions.Contains(type.OriginalDefinition))
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.TST2002,
                    CallLocation(invocation),
                    DatabaseNameText(invocation)));
            },
            OperationKind.Invocation);
    }

    /// <summary>The <c>.UseInMemoryDatabase(...)</c> part of a call written as an extension method call; the whole call otherwise.</summary>
    private static Location CallLocation(IInvocationOperation operation)
    {
        // In the extension form the receiver is not an argument in the syntax.
        var extensionForm = operation.Arguments.Length > 0 && operation.Arguments[0].Syntax is not ArgumentSyntax;
        if (extensionForm && operation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } invocation)
        {
            return Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(memberAccess.OperatorToken.SpanStart, invocation.Span.End));
        }

        return operation.Syntax.GetLocation();
    }

    private static string DatabaseNameText(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "databaseName" && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                return argument.Value.Syntax.ToString();
            }
        }

        return string.Empty;
    }
}
