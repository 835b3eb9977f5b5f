using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Assertions;

/// <summary>
/// TST3005: an async assertion whose task the test drops, so it may never finish checking:
/// <list type="bullet">
/// <item>a discarded call (a statement of its own, or <c>_ = ...</c>) of an async assertion: MSTest's and
/// NUnit's <c>Assert.*Async</c>, and any task-returning assertion of FluentAssertions, AwesomeAssertions
/// and Shouldly (<c>Should().ThrowAsync&lt;T&gt;()</c>, <c>.WithMessage(...)</c> on its task, <c>Should.ThrowAsync</c>);</item>
/// <item>a discarded <c>Task.Run</c>/<c>Task.Factory.StartNew</c> whose lambda asserts;</item>
/// <item>an <c>async void</c> lambda or local function that asserts, where the framework neither waits for
/// it nor has its own rule (NUnit).</item>
/// </list>
/// Not reported: xUnit's <c>Assert.*Async</c> (xunit.analyzers' xUnit2021 reports them), TUnit's
/// assertions (TUnit's own analyzer requires them awaited), NUnit's <c>Assert.ThrowsAsync</c> (it returns
/// the exception, synchronously), and verifications of async members of a substitute or mock
/// (<c>sub.Received().SendAsync()</c> checks when it is called; the task it returns is a dummy).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnawaitedAsyncAssertionAnalyzer : TestSmellsAnalyzer
{
    /// <summary>Diagnostic property: which shape was found (<see cref="AsyncAssertion"/>, <see cref="DroppedTaskRun"/> or <see cref="AsyncVoid"/>).</summary>
    public const string ShapeKey = "Shape";
    public const string AsyncAssertion = "AsyncAssertion";
    public const string DroppedTaskRun = "TaskRun";
    public const string AsyncVoid = "AsyncVoid";

    // The frameworks' assertion classes whose *Async methods are judged here (xUnit's and TUnit's own analyzers report theirs).
    private static readonly string[] AsyncAssertTypes = Frameworks.All
        .Where(f => f.AsyncAssertType is not null).Select(f => f.AsyncAssertType!).ToArray();

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST3005);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var compilation = context.Compilation;
        var task = TypeLookup.Find(compilation, "System.Threading.Tasks.Task");
        if (task is null)
        {
            return;
        }

        var taskLike = TypeLookup.FindAll(
            compilation,
            "System.Threading.Tasks.Task",
            "System.Threading.Tasks.Task`1",
            "System.Threading.Tasks.ValueTask",
            "System.Threading.Tasks.ValueTask`1");
        var frameworkAsserts = TypeLookup.FindAll(compilation, AsyncAssertTypes);
        var taskFactories = TypeLookup.FindAll(compilation, "System.Threading.Tasks.TaskFactory", "System.Threading.Tasks.TaskFactory`1");

        var assertionProperties = ImmutableDictionary<string, string?>.Empty.Add(ShapeKey, AsyncAssertion);
        var taskRunProperties = ImmutableDictionary<string, string?>.Empty.Add(ShapeKey, DroppedTaskRun);
        var asyncVoidProperties = ImmutableDictionary<string, string?>.Empty.Add(ShapeKey, AsyncVoid);

        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                var method = invocation.TargetMethod;
                if (method.ReturnType is not INamedTypeSymbol returned
                    || !taskLike.Contains(returned.OriginalDefinition)
                    || !IsDropped(invocation))
                {
                    return;
                }

                var isAssertion = IsAsyncAssertion(method, frameworkAsserts);
                var isTaskRun = !isAssertion && IsTaskRun(method, task, taskFactories);
                if (!isAssertion && !isTaskRun)
                {
                    return;
                }

                if (!model.IsTestCode(operationContext.ContainingSymbol) || ExpressionTrees.IsInExpressionTree(invocation))
                {
                    return;
                }

                if (isTaskRun)
                {
                    var scope = model.Assertions.For(operationContext.Options, invocation.Syntax.SyntaxTree);
                    if (!LambdaAsserts(invocation, scope))
                    {
                        return;
                    }

                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Rules.TST3005, invocation.Syntax.GetLocation(), taskRunProperties, $"The task of {Display(method)}, whose code asserts,"));
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.TST3005, invocation.Syntax.GetLocation(), assertionProperties, "The async assertion " + Display(method)));
            },
            OperationKind.Invocation);

        // async void: only NUnit neither waits for it (xUnit's synchronization context does) nor has a
        // rule of its own for it (TUnit forbids async void lambdas; MSTest.Analyzers warns on asserts in async void).
        if (model.Frameworks != TestFramework.NUnit)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                IMethodSymbol? symbol;
                IOperation? body;
                switch (operationContext.Operation)
                {
                    case IAnonymousFunctionOperation lambda:
                        symbol = lambda.Symbol;
                        body = lambda.Body;
                        break;
                    case ILocalFunctionOperation local:
                        symbol = local.Symbol;
                        body = local.Body;
                        break;
                    default:
                        return;
                }

                if (symbol is not { IsAsync: true, ReturnsVoid: true } || body is null
                    || !model.IsTestCode(operationContext.ContainingSymbol))
                {
                    return;
                }

                var scope = model.Assertions.For(operationContext.Options, body.Syntax.SyntaxTree);
                if (!Asserts(body, scope))
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.TST3005, AsyncKeywordLocation(operationContext.Operation.Syntax), asyncVoidProperties, "An async void " + (symbol.MethodKind == MethodKind.LocalFunction ? "local function" : "lambda") + " that asserts"));
            },
            OperationKind.AnonymousFunction,
            OperationKind.LocalFunction);
    }

    /// <summary><c>Assert.ThrowsAsync</c> for a static method, the bare name for an instance or extension method.</summary>
    private static string Display(IMethodSymbol method)
        => method.IsStatic && !method.IsExtensionMethod && method.ContainingType is { } type ? type.Name + "." + method.Name : method.Name;

    /// <summary>True for a framework's <c>Assert.*Async</c> and for any task-returning call of a fluent assertion library.</summary>
    private static bool IsAsyncAssertion(IMethodSymbol method, ImmutableHashSet<INamedTypeSymbol> frameworkAsserts)
    {
        if (method.ContainingType is not { } type)
        {
            return false;
        }

        if (frameworkAsserts.Contains(type.OriginalDefinition))
        {
            return method.Name.EndsWith("Async", StringComparison.Ordinal);
        }

        return Libraries.ApiOf(method.ContainingAssembly?.Name) is LibraryApi.FluentAssertions or LibraryApi.Shouldly;
    }

    private static bool IsTaskRun(IMethodSymbol method, INamedTypeSymbol task, ImmutableHashSet<INamedTypeSymbol> taskFactories)
        => method.Name switch
        {
            "Run" => SymbolEqualityComparer.Default.Equals(method.ContainingType, task),
            "StartNew" => method.ContainingType is { } factory && taskFactories.Contains(factory.OriginalDefinition),
            _ => false,
        };

    /// <summary>True when the value of <paramref name="invocation"/> goes nowhere: a statement of its own, or assigned to the discard.</summary>
    internal static bool IsDropped(IOperation invocation)
    {
        var parent = invocation.Parent;
        if (parent is IExpressionStatementOperation)
        {
            return true;
        }

        if (parent is IConversionOperation { IsImplicit: true } conversion)
        {
            parent = conversion.Parent;
        }

        return parent is ISimpleAssignmentOperation { Target: IDiscardOperation } assignment
            && assignment.Parent is IExpressionStatementOperation;
    }

    private static bool LambdaAsserts(IInvocationOperation invocation, AssertionModel.Scope scope)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } && Asserts(lambda.Body, scope))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a call in <paramref name="body"/> asserts or verifies (a library assertion or a helper that asserts).</summary>
    private static bool Asserts(IOperation body, AssertionModel.Scope scope)
    {
        foreach (var descendant in body.Descendants())
        {
            if (descendant is IInvocationOperation call && scope.Classify(call) != AssertionKind.None)
            {
                return true;
            }
        }

        return false;
    }

    private static Location AsyncKeywordLocation(SyntaxNode syntax)
    {
        foreach (var token in syntax.ChildTokens())
        {
            if (token.ValueText == "async")
            {
                return token.GetLocation();
            }
        }

        // Lambdas keep their modifiers as tokens; local functions too. Fall back to the whole node.
        return syntax.GetLocation();
    }
}
