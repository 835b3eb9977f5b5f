using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Assertions;

/// <summary>
/// TST3003: a <c>catch</c> in a test method that neither rethrows, asserts nor fails: it is empty or
/// only writes to a log or the test output. Covers the <c>try { act; Assert.Fail(); } catch (X) { }</c>
/// idiom, which the code fix rewrites to the framework's Throws assertion.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SwallowedExceptionAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST3003);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var cancellation = TypeLookup.Find(context.Compilation, "System.OperationCanceledException");
        context.RegisterOperationAction(
            operationContext =>
            {
                var tryOperation = (ITryOperation)operationContext.Operation;
                if (tryOperation.Catches.IsEmpty
                    || model.ContainingTestMethod(operationContext.ContainingSymbol) is null
                    || !IsInTheTestsOwnFlow(tryOperation))
                {
                    return;
                }

                var scope = model.Assertions.For(operationContext.Options, tryOperation.Syntax.SyntaxTree);
                foreach (var catchClause in tryOperation.Catches)
                {
                    if (catchClause.Filter is not null
                        || IsCancellation(catchClause.ExceptionType, cancellation)
                        || !Swallows(catchClause.Handler, scope)
                        || catchClause.Syntax is not CatchClauseSyntax syntax)
                    {
                        continue;
                    }

                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Rules.TST3003,
                        Location.Create(syntax.SyntaxTree, ReportedSpan(syntax)),
                        syntax.Declaration is null ? "every exception" : catchClause.ExceptionType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                }
            },
            OperationKind.Try);
    }

    /// <summary>The <c>catch (X ex)</c> part of the clause, without its block.</summary>
    internal static TextSpan ReportedSpan(CatchClauseSyntax syntax)
        => TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End);

    /// <summary>
    /// Only a try that the test method runs itself: not inside a lambda (a fake's callback, work handed to
    /// a thread) and not inside a loop (a retry or polling loop swallows failed attempts on purpose).
    /// </summary>
    private static bool IsInTheTestsOwnFlow(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILoopOperation)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cancellation ends a loop or a stream on purpose; catching it is control flow, not a lost failure.</summary>
    private static bool IsCancellation(ITypeSymbol? type, INamedTypeSymbol? cancellation)
    {
        for (var current = type; current is not null && cancellation is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, cancellation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the handler is empty or only logs: no rethrow, no assertion, no other effect.</summary>
    internal static bool Swallows(IBlockOperation handler, AssertionModel.Scope scope)
    {
        foreach (var statement in handler.Operations)
        {
            if (statement is IEmptyOperation)
            {
                continue;
            }

            if (statement is not IExpressionStatementOperation { Operation: var expression }
                || LoggedCall(expression) is not { } call
                || scope.Classify(call) != AssertionKind.None)
            {
                return false;
            }
        }

        return true;
    }

    private static IInvocationOperation? LoggedCall(IOperation expression)
    {
        if (expression is IConditionalAccessOperation conditional)
        {
            expression = conditional.WhenNotNull;
        }

        return expression is IInvocationOperation invocation && IsLogging(invocation.TargetMethod) ? invocation : null;
    }

    /// <summary>
    /// Writes to the console, <c>Debug</c>/<c>Trace</c>, a <c>TextWriter</c> (<c>Console.Error</c>, NUnit
    /// <c>TestContext.Out</c>, TUnit's output writer), the test output (xUnit <c>ITestOutputHelper</c>,
    /// NUnit/MSTest <c>TestContext</c>) or a logger (<c>ILogger</c> and its <c>Log*</c> extensions).
    /// </summary>
    private static bool IsLogging(IMethodSymbol method)
    {
        var name = method.Name;
        if (!(name is "Write" or "WriteLine" or "Print" or "TraceError" or "TraceWarning" or "TraceInformation"
            || name.StartsWith("Log", StringComparison.Ordinal)))
        {
            return false;
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            var namespaceName = type.ContainingNamespace?.ToDisplayString();
            switch (type.Name)
            {
                case "Console" when namespaceName == "System":
                case "Debug" or "Trace" when namespaceName == "System.Diagnostics":
                case "TextWriter" when namespaceName == "System.IO":
                case "ITestOutputHelper" or "TestOutputHelper" or "TestContext":
                case "ILogger" or "LoggerExtensions":
                    return true;
            }
        }

        foreach (var implemented in method.ContainingType?.AllInterfaces ?? ImmutableArray<INamedTypeSymbol>.Empty)
        {
            if (implemented.Name is "ITestOutputHelper" or "ILogger")
            {
                return true;
            }
        }

        return false;
    }
}
