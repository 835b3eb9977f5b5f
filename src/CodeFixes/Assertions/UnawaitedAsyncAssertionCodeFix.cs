using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TestSmells.Analyzers.Assertions;
using TestSmells.Analyzers.CodeFixes.Infrastructure;
using TestSmells.Analyzers.Model;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TestSmells.Analyzers.CodeFixes.Assertions;

/// <summary>
/// TST3005: awaits the dropped task (<c>x;</c> and <c>_ = x;</c> become <c>await x;</c>). Offered where
/// that is safe: the statement is in an async method, lambda or local function already, or in a test
/// method that returns <c>void</c>, which becomes <c>async Task</c> (a test runner awaits it). Not offered in
/// a non-async helper or local function (its callers would then drop its task), in a method that returns
/// a task without being async, inside a <c>lock</c>, for expression bodies, or for <c>async void</c> lambdas.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnawaitedAsyncAssertionCodeFix))]
[Shared]
public sealed class UnawaitedAsyncAssertionCodeFix : DocumentFix
{
    public const string EquivalenceKey = "TST3005.Await";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST3005");

    private protected override string Title => "Await the assertion";

    private protected override string Key => EquivalenceKey;

    private protected override bool Applies(SyntaxNode root, SemanticModel? semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        => Plan(root, semanticModel!, diagnostic, cancellationToken) is not null;

    private protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return document;
        }

        var statements = new Dictionary<ExpressionStatementSyntax, ExpressionSyntax>();
        var methods = new HashSet<MethodDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(root, semanticModel, diagnostic, cancellationToken) is not { } plan)
            {
                continue;
            }

            statements[plan.Statement] = plan.Task;
            if (plan.MakeAsync is { } method)
            {
                methods.Add(method);
            }
        }

        if (statements.Count == 0)
        {
            return document;
        }

        var needsTaskImport = false;
        var taskName = (TypeSyntax)IdentifierName("Task");
        var taskType = semanticModel.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        if (methods.Count > 0 && taskType is not null)
        {
            var (name, ns) = Imports.NameFor(taskType, semanticModel, methods.First().SpanStart);
            taskName = name;
            needsTaskImport = ns is not null;
        }

        var newRoot = root.ReplaceNodes(
            statements.Keys.Cast<SyntaxNode>().Concat(methods),
            (original, rewritten) =>
            {
                if (original is ExpressionStatementSyntax statement && rewritten is ExpressionStatementSyntax newStatement)
                {
                    var taskExpression = statement.Expression == statements[statement]
                        ? newStatement.Expression
                        : ((AssignmentExpressionSyntax)newStatement.Expression).Right;
                    var awaited = AwaitExpression(taskExpression.WithoutLeadingTrivia())
                        .WithLeadingTrivia(newStatement.Expression.GetLeadingTrivia());
                    return newStatement.WithExpression(awaited);
                }

                return rewritten is MethodDeclarationSyntax method ? MakeAsync(method, taskName) : rewritten;
            });

        if (needsTaskImport && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = Imports.AddUsing(unit, "System.Threading.Tasks");
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static MethodDeclarationSyntax MakeAsync(MethodDeclarationSyntax method, TypeSyntax taskName)
    {
        var returnType = method.ReturnType;
        if (method.Modifiers.Count == 0)
        {
            // "void M()" -> "async Task M()": the async keyword takes the leading trivia of the return type.
            return method
                .WithModifiers(TokenList(Token(SyntaxKind.AsyncKeyword).WithLeadingTrivia(returnType.GetLeadingTrivia()).WithTrailingTrivia(Space)))
                .WithReturnType(taskName.WithTrailingTrivia(returnType.GetTrailingTrivia()));
        }

        return method
            .WithModifiers(method.Modifiers.Add(Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(Space)))
            .WithReturnType(taskName.WithTriviaFrom(returnType));
    }

    private sealed class FixPlan
    {
        public FixPlan(ExpressionStatementSyntax statement, ExpressionSyntax task, MethodDeclarationSyntax? makeAsync)
        {
            Statement = statement;
            Task = task;
            MakeAsync = makeAsync;
        }

        public ExpressionStatementSyntax Statement { get; }

        /// <summary>The expression whose task is dropped (the statement's expression, or the right side of <c>_ =</c>).</summary>
        public ExpressionSyntax Task { get; }

        /// <summary>The test method to turn into <c>async Task</c>, when it is not async yet.</summary>
        public MethodDeclarationSyntax? MakeAsync { get; }
    }

    private static FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(UnawaitedAsyncAssertionAnalyzer.ShapeKey, out var shape)
            || shape is not (UnawaitedAsyncAssertionAnalyzer.AsyncAssertion or UnawaitedAsyncAssertionAnalyzer.DroppedTaskRun))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
            || invocation.Span != diagnostic.Location.SourceSpan
            || invocation.Parent is not { } parent)
        {
            return null;
        }

        ExpressionStatementSyntax? statement = null;
        if (parent is ExpressionStatementSyntax direct)
        {
            statement = direct;
        }
        else if (parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
            && discard.Right == invocation
            && discard.Parent is ExpressionStatementSyntax discardStatement)
        {
            statement = discardStatement;
        }

        if (statement is null || statement.Parent is not BlockSyntax
            || statement.Ancestors().Any(a => a is LockStatementSyntax or QueryExpressionSyntax))
        {
            return null;
        }

        // The function the statement runs in: await needs it async.
        foreach (var ancestor in statement.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) && !ReturnsVoid(lambda, semanticModel, cancellationToken)
                        ? new FixPlan(statement, invocation, null)
                        : null;
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword) && !IsVoid(local.ReturnType)
                        ? new FixPlan(statement, invocation, null)
                        : null;
                case MethodDeclarationSyntax method:
                    if (method.Modifiers.Any(SyntaxKind.AsyncKeyword))
                    {
                        return IsVoid(method.ReturnType) ? null : new FixPlan(statement, invocation, null);
                    }

                    return IsVoid(method.ReturnType)
                        && method.Body is not null
                        && !method.Modifiers.Any(SyntaxKind.OverrideKeyword)
                        && method.ExplicitInterfaceSpecifier is null
                        && semanticModel.GetDeclaredSymbol(method, cancellationToken) is { } symbol
                        && symbol.ExplicitInterfaceImplementations.IsEmpty
                        && TestCodeModel.For(semanticModel.Compilation).IsTestMethod(symbol)
                        ? new FixPlan(statement, invocation, method)
                        : null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool IsVoid(TypeSyntax type) => type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };

    private static bool ReturnsVoid(AnonymousFunctionExpressionSyntax lambda, SemanticModel semanticModel, CancellationToken cancellationToken)
        => semanticModel.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol { ReturnsVoid: false };
}
