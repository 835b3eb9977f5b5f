using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using TestSmells.Analyzers.CodeFixes.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.CodeFixes.Assertions;

/// <summary>
/// TST3006 (and TST3003 where the shape allows it): rewrites <c>try { act; Assert.Fail(); } catch (X) { }</c> to the framework's Throws assertion:
/// xUnit <c>Assert.Throws&lt;X&gt;</c>/<c>ThrowsAsync</c>, NUnit <c>Assert.Throws&lt;X&gt;</c>/<c>ThrowsAsync</c>
/// (or <c>await Assert.ThatAsync(..., Throws.TypeOf&lt;X&gt;())</c> when nothing else in the method awaits),
/// MSTest <c>Assert.ThrowsExactly&lt;X&gt;</c> (3.8+) or <c>Assert.ThrowsException&lt;X&gt;</c>, TUnit
/// <c>Assert.ThrowsExactly&lt;X&gt;</c>; all of them expect exactly X. When the catch body uses the caught
/// exception (it can only log it: a catch that asserts is not reported), the result is kept in a
/// variable of the same name and the catch body follows the assertion.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwallowedExceptionCodeFix))]
[Shared]
public sealed class SwallowedExceptionCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "TST3003.UseThrowsAssertion";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST3003", "TST3006");

    public override FixAllProvider GetFixAllProvider() => FixAllPerFinding.Batch(EquivalenceKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var catchClause = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<CatchClauseSyntax>();
            if (catchClause is null || Plan(catchClause, semanticModel, context.CancellationToken) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use {plan.Title}",
                    token => ApplyAsync(context.Document, catchClause, token),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, CatchClauseSyntax catchClause, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || Plan(catchClause, semanticModel, cancellationToken) is not { } plan)
        {
            return document;
        }

        var tryStatement = (TryStatementSyntax)catchClause.Parent!;
        var replacement = plan.Statements.ToList();
        replacement[0] = replacement[0].WithLeadingTrivia(tryStatement.GetLeadingTrivia()).WithTrailingTrivia(tryStatement.GetTrailingTrivia());
        return document.WithSyntaxRoot(root.ReplaceNode(
            tryStatement,
            replacement.Select(statement => statement.WithAdditionalAnnotations(Formatter.Annotation))));
    }

    private sealed class FixPlan
    {
        public FixPlan(string title, List<StatementSyntax> statements)
        {
            Title = title;
            Statements = statements;
        }

        public string Title { get; }

        public List<StatementSyntax> Statements { get; }
    }

    /// <summary>The replacement of the try statement, or null when the shape is not the try/fail/catch idiom.</summary>
    private static FixPlan? Plan(CatchClauseSyntax catchClause, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (catchClause.Parent is not TryStatementSyntax tryStatement
            || tryStatement.Parent is not BlockSyntax
            || tryStatement.Catches.Count != 1
            || tryStatement.Finally is not null
            || catchClause.Filter is not null
            || catchClause.Declaration is not { } declaration
            || tryStatement.Block.Statements.Count < 2)
        {
            return null;
        }

        var exceptionType = semanticModel.GetTypeInfo(declaration.Type, cancellationToken).Type as INamedTypeSymbol;
        if (exceptionType is null || exceptionType.IsAbstract || exceptionType.TypeKind == TypeKind.Error
            || exceptionType.ToDisplayString() == "System.Exception")
        {
            // catch (Exception) also swallows the failure of Assert.Fail itself; which exception the test
            // expects is for its author to say. An abstract type is never thrown exactly.
            return null;
        }

        var statements = tryStatement.Block.Statements;
        var act = statements.Take(statements.Count - 1).ToList();
        if (statements.Last() is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax failSyntax }
            || semanticModel.GetOperation(failSyntax, cancellationToken) is not IInvocationOperation fail
            || FrameworkOf(fail) is not { } framework
            || act.Any(statement => statement.DescendantNodesAndSelf().Any(IsJump)))
        {
            return null;
        }

        var isAsync = act.Any(ContainsAwait);
        var catchLocal = declaration.Identifier.IsKind(SyntaxKind.None) ? null : semanticModel.GetDeclaredSymbol(declaration, cancellationToken);
        var keepsException = catchLocal is not null && catchClause.Block.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Any(name => SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(name, cancellationToken).Symbol, catchLocal));
        if (keepsException && NameIsTakenElsewhere(tryStatement, catchClause, declaration.Identifier.ValueText))
        {
            return null;
        }

        var assertType = fail.TargetMethod.ContainingType;
        var typeText = declaration.Type.WithoutTrivia().ToString();
        var lambda = Lambda(act, isAsync, semanticModel, cancellationToken);
        string call;
        string title;
        switch (framework)
        {
            case TestFramework.XunitV2:
            case TestFramework.XunitV3:
                call = isAsync ? $"await Assert.ThrowsAsync<{typeText}>({lambda})" : $"Assert.Throws<{typeText}>({lambda})";
                title = isAsync ? "Assert.ThrowsAsync" : "Assert.Throws";
                break;
            case TestFramework.NUnit:
                if (!isAsync)
                {
                    call = $"Assert.Throws<{typeText}>({lambda})";
                    title = "Assert.Throws";
                }
                else if (AwaitsElsewhere(tryStatement))
                {
                    // NUnit's ThrowsAsync blocks until the delegate completes; the method still awaits elsewhere.
                    call = $"Assert.ThrowsAsync<{typeText}>({lambda})";
                    title = "Assert.ThrowsAsync";
                }
                else if (!keepsException && HasMember(semanticModel.Compilation, Frameworks.NUnit.AssertTypes[0], "ThatAsync"))
                {
                    call = $"await Assert.ThatAsync({lambda}, {Frameworks.NUnit.ThrowsConstraints}.TypeOf<{typeText}>())";
                    title = "Assert.ThatAsync(..., Throws.TypeOf)";
                }
                else
                {
                    return null; // The method would be left async without an await (CS1998).
                }

                break;
            case TestFramework.MSTest:
                var exactly = HasMember(semanticModel.Compilation, Frameworks.MSTest.AssertTypes[0], "ThrowsExactly");
                var name = (exactly ? "ThrowsExactly" : "ThrowsException") + (isAsync ? "Async" : string.Empty);
                call = $"{(isAsync ? "await " : string.Empty)}Assert.{name}<{typeText}>({lambda})";
                title = "Assert." + name;
                break;
            default:
                if (isAsync && keepsException)
                {
                    return null;
                }

                call = isAsync ? $"await Assert.ThrowsExactlyAsync<{typeText}>({lambda})" : $"Assert.ThrowsExactly<{typeText}>({lambda})";
                title = isAsync ? "Assert.ThrowsExactlyAsync" : "Assert.ThrowsExactly";
                break;
        }

        // Keep the receiver the test already uses for its framework's Assert (Assert, Xunit.Assert, an alias);
        // NUnit's ClassicAssert has no Throws, so NUnit always goes through NUnit.Framework.Assert.
        var assertText = framework == TestFramework.NUnit
            ? Frameworks.NUnit.AssertTypes[0]
            : failSyntax.Expression is MemberAccessExpressionSyntax access ? access.Expression.WithoutTrivia().ToString() : assertType.ToDisplayString();
        call = ReplaceAssertReceiver(call, assertText);

        var assertion = SyntaxFactory.ParseStatement((keepsException ? $"var {declaration.Identifier.ValueText} = " : string.Empty) + call + ";");
        assertion = assertion.ReplaceNodes(
            assertion.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(access =>
                access.Expression is QualifiedNameSyntax or MemberAccessExpressionSyntax
                && access.Expression.ToString() is var receiver && (receiver == assertText || receiver == Frameworks.NUnit.ThrowsConstraints)),
            (_, rewritten) => rewritten.WithExpression(rewritten.Expression.WithAdditionalAnnotations(Simplifier.Annotation)));
        var result = new List<StatementSyntax> { assertion };
        result.AddRange(catchClause.Block.Statements);
        return new FixPlan(title, result);
    }

    private static string ReplaceAssertReceiver(string call, string assertText)
    {
        var at = call.IndexOf("Assert.", System.StringComparison.Ordinal);
        return at < 0 ? call : call.Substring(0, at) + assertText + call.Substring(at + "Assert".Length);
    }

    /// <summary>The framework of a call that always fails: <c>Assert.Fail(...)</c>, <c>Assert.True(false)</c>, <c>Assert.IsFalse(true)</c>.</summary>
    private static TestFramework? FrameworkOf(IInvocationOperation fail)
    {
        var method = fail.TargetMethod;
        var framework = Frameworks.OfAssertType(method.ContainingType?.ToDisplayString())?.Id;
        if (framework is null)
        {
            return null;
        }

        var condition = fail.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        while (condition is IConversionOperation conversion)
        {
            condition = conversion.Operand;
        }

        var literal = condition is ILiteralOperation { ConstantValue: { HasValue: true, Value: bool value } } ? value : (bool?)null;
        return method.Name switch
        {
            "Fail" => framework,
            "True" or "IsTrue" when literal == false => framework,
            "False" or "IsFalse" when literal == true => framework,
            _ => null,
        };
    }

    private static bool IsJump(SyntaxNode node)
        => node.IsKind(SyntaxKind.ReturnStatement) || node.IsKind(SyntaxKind.YieldReturnStatement) || node.IsKind(SyntaxKind.YieldBreakStatement)
            || node.IsKind(SyntaxKind.GotoStatement) || node.IsKind(SyntaxKind.BreakStatement) || node.IsKind(SyntaxKind.ContinueStatement)
            || node.IsKind(SyntaxKind.GotoCaseStatement) || node.IsKind(SyntaxKind.GotoDefaultStatement);

    /// <summary>An await that belongs to the method itself (not to a nested lambda or local function).</summary>
    private static bool ContainsAwait(SyntaxNode node)
        => node.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .Any(n => n is AwaitExpressionSyntax
                || n is ForEachStatementSyntax { AwaitKeyword.RawKind: not 0 }
                || n is UsingStatementSyntax { AwaitKeyword.RawKind: not 0 }
                || n is LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: not 0 });

    private static bool AwaitsElsewhere(TryStatementSyntax tryStatement)
    {
        var body = tryStatement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax);
        var block = body switch
        {
            BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
            LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
            _ => null,
        };
        return block is not null && block.ChildNodes().Any(child => child != tryStatement && ContainsAwait(child))
            || tryStatement.Catches.Any(ContainsAwait);
    }

    private static bool NameIsTakenElsewhere(TryStatementSyntax tryStatement, CatchClauseSyntax catchClause, string name)
    {
        var member = tryStatement.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax);
        if (member is null)
        {
            return true;
        }

        foreach (var node in member.DescendantNodes())
        {
            var declared = node switch
            {
                VariableDeclaratorSyntax variable => variable.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                ForEachStatementSyntax loop => loop.Identifier,
                CatchDeclarationSyntax other when other != catchClause.Declaration => other.Identifier,
                LocalFunctionStatementSyntax function => function.Identifier,
                _ => default,
            };
            if (declared.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMember(Compilation compilation, string typeName, string memberName)
    {
        foreach (var type in compilation.GetTypesByMetadataName(typeName))
        {
            if (!type.GetMembers(memberName).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The act as a lambda: <c>() => expr</c> for one expression (or one declaration's initializer),
    /// <c>() => task</c> for one awaited task, <c>async () => ...</c> for other awaited code, a block otherwise.
    /// </summary>
    private static string Lambda(List<StatementSyntax> act, bool isAsync, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var prefix = isAsync ? "async () => " : "() => ";
        if (act.Count == 1 && SingleExpression(act[0]) is { } expression)
        {
            if (isAsync && expression is AwaitExpressionSyntax { Expression: var awaited } && IsTask(semanticModel.GetTypeInfo(awaited, cancellationToken).Type))
            {
                return "() => " + awaited.WithoutTrivia().ToFullString();
            }

            return prefix + expression.WithoutTrivia().ToFullString();
        }

        return prefix + "{\n" + string.Concat(act.Select(statement => statement.ToFullString())) + "}";
    }

    private static ExpressionSyntax? SingleExpression(StatementSyntax statement)
    {
        switch (statement)
        {
            case ExpressionStatementSyntax expressionStatement:
                return expressionStatement.Expression;
            case LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1, UsingKeyword.RawKind: 0, IsConst: false } local
                when local.Declaration.Variables[0].Initializer?.Value is { } value && IsStatementExpression(value):
                return value;
            default:
                return null;
        }
    }

    private static bool IsStatementExpression(ExpressionSyntax expression)
        => expression is InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
            or AwaitExpressionSyntax or AssignmentExpressionSyntax;

    private static bool IsTask(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Task" && current.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
            {
                return true;
            }
        }

        return false;
    }
}
