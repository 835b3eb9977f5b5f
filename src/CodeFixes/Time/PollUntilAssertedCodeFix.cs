using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.Time;
using TestSmells.Analyzers.CodeFixes.Infrastructure;

namespace TestSmells.Analyzers.CodeFixes.Time;

/// <summary>
/// TST1001/TST1002: when the statement after the fixed wait is an assertion that can be read as a
/// condition, waits until that condition holds or the timeout (<c>test_smells.poll_timeout_ms</c>)
/// elapses, then runs the assertion unchanged. Synchronous code gets
/// <c>SpinWait.SpinUntil(() =&gt; condition, TimeSpan.FromMilliseconds(timeout));</c>, async code a
/// loop that re-checks the condition with a short awaited delay until a <c>Stopwatch</c> deadline.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PollUntilAssertedCodeFix))]
[Shared]
public sealed class PollUntilAssertedCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "TST1001.PollUntilAsserted";

    /// <summary>The pause between two checks of the async poll, in milliseconds.</summary>
    private const int PollIntervalMs = 20;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST1001", "TST1002");

    public override FixAllProvider GetFixAllProvider() => FixedWaitFixAll.Instance;

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
            var shape = FixedWaitShape.Find(root, semanticModel, diagnostic.Location.SourceSpan, context.CancellationToken);
            if (shape?.Statement is not { } wait || NextStatement(wait) is not { } assertion)
            {
                continue;
            }

            var isAsync = diagnostic.Properties.TryGetValue(FixedWaits.AsyncProperty, out var asyncValue) && asyncValue == "true";
            if (isAsync != IsInAsyncFunction(wait))
            {
                continue;
            }

            var condition = PollConditions.From(assertion, semanticModel, context.CancellationToken);
            if (condition is null || (!isAsync && ContainsAwait(condition)) || (!isAsync && IsInStruct(wait)))
            {
                continue;
            }

            var timeout = diagnostic.Properties.TryGetValue(FixedWaits.PollTimeoutProperty, out var timeoutValue)
                && int.TryParse(timeoutValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
                ? parsed
                : SmellOptions.DefaultPollTimeoutMs;
            var imports = new List<string>();
            var code = new Writer(semanticModel, wait.SpanStart, imports);
            var poll = isAsync
                ? AsyncPoll(condition, timeout, LoopVariable(wait, condition, semanticModel), code)
                : BlockingPoll(condition, timeout, code);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Wait until the next assertion holds (at most {timeout} ms)",
                    ct => ReplaceAsync(context.Document, wait, poll, imports, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static StatementSyntax? NextStatement(StatementSyntax statement)
    {
        var siblings = statement.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            _ => default,
        };
        var index = siblings.IndexOf(statement);
        return index >= 0 && index + 1 < siblings.Count ? siblings[index + 1] : null;
    }

    private static bool IsInAsyncFunction(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case BaseMethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case AccessorDeclarationSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsInStruct(SyntaxNode node) => node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is StructDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: (int)SyntaxKind.StructKeyword };

    private static bool ContainsAwait(SyntaxNode node) => node.DescendantNodesAndSelf().OfType<AwaitExpressionSyntax>().Any();

    /// <summary><c>SpinWait.SpinUntil(() =&gt; condition, TimeSpan.FromMilliseconds(timeout));</c></summary>
    private static StatementSyntax BlockingPoll(ExpressionSyntax condition, int timeout, Writer code)
        => SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                code.Type("SpinWait"),
                SyntaxFactory.IdentifierName("SpinUntil")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(SyntaxFactory.ParenthesizedLambdaExpression(condition)),
                SyntaxFactory.Argument(FakeClocks.AsTimeSpan(Milliseconds(timeout), isTimeSpan: false, code.SemanticModel, code.Position, code.Imports)),
            }))));

    /// <summary>
    /// <c>for (var poll = Stopwatch.StartNew(); !condition &amp;&amp; poll.ElapsedMilliseconds &lt; timeout;) { await Task.Delay(20); }</c>:
    /// a delay inside a loop that re-checks is polling, which TST1002 does not report.
    /// </summary>
    private static StatementSyntax AsyncPoll(ExpressionSyntax condition, int timeout, string variable, Writer code)
    {
        var startNew = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            code.Type("Stopwatch"),
            SyntaxFactory.IdentifierName("StartNew")));
        var declaration = SyntaxFactory.VariableDeclaration(
            SyntaxFactory.IdentifierName("var"),
            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(variable).WithInitializer(SyntaxFactory.EqualsValueClause(startNew))));
        var inTime = SyntaxFactory.BinaryExpression(
            SyntaxKind.LessThanExpression,
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(variable), SyntaxFactory.IdentifierName("ElapsedMilliseconds")),
            Milliseconds(timeout));
        var loopCondition = SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, PollConditions.Parenthesize(PollConditions.Negate(condition)), inTime);
        var delay = SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, code.Type("Task"), SyntaxFactory.IdentifierName("Delay")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Milliseconds(PollIntervalMs)))))));
        return SyntaxFactory.ForStatement(
            declaration,
            default,
            loopCondition,
            default,
            SyntaxFactory.Block(delay));
    }

    private static LiteralExpressionSyntax Milliseconds(int value)
        => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value));

    /// <summary>
    /// <c>poll</c>, numbered when that name is in scope at the wait (a local, parameter or member the
    /// loop variable would clash with or hide) or written in the condition. The variable is scoped to
    /// its <c>for</c>, so two polls in one method can both use it.
    /// </summary>
    private static string LoopVariable(SyntaxNode node, ExpressionSyntax condition, SemanticModel semanticModel)
    {
        var used = semanticModel.LookupSymbols(node.SpanStart).Select(s => s.Name)
            .Concat(condition.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText))
            .ToImmutableHashSet();
        var name = "poll";
        for (var i = 2; used.Contains(name); i++)
        {
            name = "poll" + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>Where the poll is written: type names are resolved there, and the usings they need collected.</summary>
    private sealed class Writer
    {
        public Writer(SemanticModel semanticModel, int position, List<string> imports)
        {
            SemanticModel = semanticModel;
            Position = position;
            Imports = imports;
        }

        public SemanticModel SemanticModel { get; }

        public int Position { get; }

        public List<string> Imports { get; }

        public ExpressionSyntax Type(string name) => FakeClocks.Code(name, SemanticModel, Position, Imports);
    }

    private static async Task<Document> ReplaceAsync(Document document, StatementSyntax wait, StatementSyntax poll, IEnumerable<string> imports, CancellationToken cancellationToken)
    {
        var replacement = poll.WithTriviaFrom(wait).WithAdditionalAnnotations(Formatter.Annotation);
        return await FakeClocks.ReplaceAsync(document, wait, replacement, imports, cancellationToken).ConfigureAwait(false);
    }
}
