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
/// only writes to a log or the test output. TST3006 (Info): the <c>try { act; Assert.Fail(); } catch (X) { }</c>
/// idiom with a specific X, which fails when nothing is thrown and which the code fix rewrites to the
/// framework's Throws assertion. Not reported: best-effort cleanup (inside <c>finally</c>, or a try whose
/// body only deletes, disposes or stops, or runs SQL that drops, creates or truncates) and best-effort setup before the act (a specific catch around a
/// try without assertions, followed by the assertions of the test).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SwallowedExceptionAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST3003, Rules.TST3006);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var cancellation = TypeLookup.Find(context.Compilation, "System.OperationCanceledException");
        var exception = TypeLookup.Find(context.Compilation, "System.Exception");
        var nullReference = TypeLookup.Find(context.Compilation, "System.NullReferenceException");
        context.RegisterOperationAction(
            operationContext =>
            {
                var tryOperation = (ITryOperation)operationContext.Operation;
                if (tryOperation.Catches.IsEmpty
                    || model.ContainingTestMethod(operationContext.ContainingSymbol) is null
                    || !IsInTheTestsOwnFlow(tryOperation)
                    || IsBestEffortCleanup(tryOperation))
                {
                    return;
                }

                var scope = model.Assertions.For(operationContext.Options, tryOperation.Syntax.SyntaxTree);
                var endsInFail = EndsInFail(tryOperation.Body);
                bool? setupBeforeTheAct = null;
                foreach (var catchClause in tryOperation.Catches)
                {
                    if (catchClause.Filter is not null
                        || IsCancellation(catchClause.ExceptionType, cancellation)
                        || !Swallows(catchClause.Handler, scope)
                        || catchClause.Syntax is not CatchClauseSyntax syntax)
                    {
                        continue;
                    }

                    var specific = syntax.Declaration is not null
                        && IsSpecific(catchClause.ExceptionType, exception, nullReference);
                    if (specific && !endsInFail
                        && (setupBeforeTheAct ??= IsSetupBeforeTheAct(tryOperation, scope)))
                    {
                        continue;
                    }

                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        specific && endsInFail ? Rules.TST3006 : Rules.TST3003,
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

    /// <summary>
    /// A catch that only swallows what it names: not <c>catch</c>, <c>catch (Exception)</c> (which also
    /// swallow the test's own failed assertions), not <c>NullReferenceException</c> (a bug, never an
    /// expected outcome), and not an exception of a test framework (<c>AssertionException</c>, <c>XunitException</c>).
    /// </summary>
    private static bool IsSpecific(ITypeSymbol? type, INamedTypeSymbol? exception, INamedTypeSymbol? nullReference)
    {
        if (type is null || type.TypeKind == TypeKind.Error
            || SymbolEqualityComparer.Default.Equals(type, exception)
            || SymbolEqualityComparer.Default.Equals(type, nullReference))
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            var namespaceName = current.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            foreach (var framework in Frameworks.All)
            {
                if (namespaceName.StartsWith(framework.RootNamespace, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// True when the try block ends in an unconditional failure: <c>Assert.Fail(...)</c> (any framework,
    /// NUnit's <c>ClassicAssert</c>), <c>Assert.True(false)</c>/<c>IsTrue(false)</c>,
    /// <c>Assert.False(true)</c>/<c>IsFalse(true)</c>. With a specific catch the test fails when the act
    /// does not throw: it cannot pass by mistake.
    /// </summary>
    private static bool EndsInFail(IBlockOperation body)
    {
        if (body.Operations.Length < 2
            || body.Operations[body.Operations.Length - 1] is not IExpressionStatementOperation { Operation: var expression })
        {
            return false;
        }

        if (expression is IAwaitOperation awaited)
        {
            expression = awaited.Operation;
        }

        if (expression is not IInvocationOperation { TargetMethod: var method } invocation
            || method.ContainingType?.Name is not { } typeName || !Frameworks.AssertTypeNames.Contains(typeName))
        {
            return false;
        }

        if (method.Name == "Fail")
        {
            return true;
        }

        var condition = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
        while (condition is IConversionOperation conversion)
        {
            condition = conversion.Operand;
        }

        var literal = condition is ILiteralOperation { ConstantValue: { HasValue: true, Value: bool value } } ? value : (bool?)null;
        return method.Name switch
        {
            "True" or "IsTrue" => literal == false,
            "False" or "IsFalse" => literal == true,
            _ => false,
        };
    }

    /// <summary>
    /// Best-effort cleanup is not the test's assertion: a try inside a <c>finally</c>, or a try whose body
    /// only calls cleanup methods (<c>Delete</c>, <c>Dispose</c>, <c>Stop</c>, <c>Close</c>, <c>Kill</c>...).
    /// </summary>
    private static bool IsBestEffortCleanup(ITryOperation tryOperation)
    {
        for (IOperation current = tryOperation; current.Parent is not null; current = current.Parent)
        {
            if (current.Parent is ITryOperation outer && outer.Finally is not null && current == outer.Finally)
            {
                return true;
            }
        }

        if (tryOperation.Body.Operations.IsEmpty)
        {
            return false;
        }

        foreach (var statement in tryOperation.Body.Operations)
        {
            var expression = (statement as IExpressionStatementOperation)?.Operation;
            if (expression is IAwaitOperation awaited)
            {
                expression = awaited.Operation;
            }

            while (expression is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } inner })
            {
                expression = inner;
            }

            if (expression is IConditionalAccessOperation conditional)
            {
                expression = conditional.WhenNotNull;
            }

            if (expression is not IInvocationOperation { TargetMethod.Name: var name } invocation
                || !(IsCleanupName(name) || RunsSchemaStatement(invocation)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>connection.Execute("drop table #Users")</c>: a call handed a SQL statement that drops, creates or
    /// truncates a table, type or procedure, the best-effort schema reset that makes a database test
    /// re-runnable ("it may not exist yet", "it may exist already"). Labelled on a real suite: 21 findings,
    /// none worth a change.
    /// </summary>
    private static bool RunsSchemaStatement(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.ConstantValue is { HasValue: true, Value: string sql })
            {
                var text = sql.TrimStart();
                foreach (var verb in SchemaVerbs)
                {
                    if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase)
                        && text.Length > verb.Length
                        && char.IsWhiteSpace(text[verb.Length]))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static readonly string[] SchemaVerbs = { "drop", "create", "truncate" };

    private static bool IsCleanupName(string name)
    {
        foreach (var verb in CleanupVerbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] CleanupVerbs =
    {
        "Delete", "Dispose", "Remove", "Close", "Kill", "Stop", "Clean", "Clear", "Drop", "Shutdown", "Unload", "Release", "Reset", "Truncate", "Purge",
    };

    /// <summary>
    /// Best-effort setup before the act: the try is the first statement of the test method, asserts
    /// nothing itself, and a later statement asserts. The test's verdict comes from the assertions after
    /// it, not from the exception (an optional native library, an environment that may be missing).
    /// </summary>
    private static bool IsSetupBeforeTheAct(ITryOperation tryOperation, AssertionModel.Scope scope)
    {
        if (tryOperation.Parent is not IBlockOperation { Parent: IMethodBodyBaseOperation } block
            || block.Operations.IsEmpty
            || block.Operations[0] != tryOperation
            || scope.AssertionsIn(tryOperation.Body) != AssertionKind.None)
        {
            return false;
        }

        var after = false;
        foreach (var statement in block.Operations)
        {
            if (after && scope.AssertionsIn(statement) != AssertionKind.None)
            {
                return true;
            }

            after |= statement == tryOperation;
        }

        return false;
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
