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
using Microsoft.CodeAnalysis.Formatting;
using TestSmells.Analyzers.CodeFixes.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TestSmells.Analyzers.CodeFixes.Isolation;

/// <summary>
/// TST4004: saves the old value before the change and restores it in a <c>finally</c> around the rest
/// of the block. Offered for a statement of its own, in a block, followed by at least one statement:
/// <c>Environment.SetEnvironmentVariable("NAME", value)</c> with a literal name,
/// <c>Directory.SetCurrentDirectory(path)</c>, and assignments to <c>Environment.CurrentDirectory</c>,
/// <c>CultureInfo.DefaultThreadCurrentCulture</c> and <c>DefaultThreadCurrentUICulture</c>. Not offered when
/// the rest of the block declares a local function or a label (moving them into the <c>try</c> would change
/// what can reach them).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProcessStateCodeFix))]
[Shared]
public sealed class ProcessStateCodeFix : DocumentFix
{
    public const string EquivalenceKey = "TST4004.RestoreInFinally";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST4004");

    private protected override string Title => "Restore the old value in a finally";

    private protected override string Key => EquivalenceKey;

    private protected override bool NeedsSemanticModel => false;

    private protected override bool Applies(SyntaxNode root, SemanticModel? semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        => Plan(root, diagnostic) is not null;

    private protected override async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var statements = new List<ExpressionStatementSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(root, diagnostic) is { } plan && !statements.Contains(plan.Statement))
            {
                statements.Add(plan.Statement);
            }
        }

        if (statements.Count == 0)
        {
            return document;
        }

        // Names in source order (the first change of a member gets the plain name), before any rewrite.
        var names = new Dictionary<ExpressionStatementSyntax, string>();
        var assignedPerMember = new Dictionary<SyntaxNode, HashSet<string>>();
        foreach (var statement in statements.OrderBy(s => s.SpanStart))
        {
            if (Plan(statement) is { } plan)
            {
                var member = statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode)statement;
                if (!assignedPerMember.TryGetValue(member, out var assigned))
                {
                    assigned = new HashSet<string>();
                    assignedPerMember.Add(member, assigned);
                }

                var name = FreeName(statement, plan.BaseName, assigned);
                assigned.Add(name);
                names[statement] = name;
            }
        }

        // Last first: each wrap moves the statements after it into a try, so an earlier change of the same
        // block still sits directly in its block when its turn comes.
        var tracked = root.TrackNodes(statements);
        foreach (var original in statements.OrderByDescending(s => s.SpanStart))
        {
            if (tracked.GetCurrentNode(original) is not { Parent: BlockSyntax block } statement
                || Plan(statement) is not { } plan
                || !names.TryGetValue(original, out var name))
            {
                continue;
            }

            var index = block.Statements.IndexOf(statement);
            var rest = block.Statements.Skip(index + 1).ToList();

            var save = LocalDeclarationStatement(
                VariableDeclaration(
                    IdentifierName("var"),
                    SingletonSeparatedList(VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(plan.Read)))));
            var restore = ExpressionStatement(plan.Restore(IdentifierName(name)));
            var wrapped = TryStatement(
                Block(rest),
                default,
                FinallyClause(Block(restore)));

            var newStatements = block.Statements.Take(index)
                .Append(save.WithLeadingTrivia(statement.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation))
                .Append(statement)
                .Append(wrapped.WithAdditionalAnnotations(Formatter.Annotation));
            tracked = tracked.ReplaceNode(block, block.WithStatements(List(newStatements)));
        }

        return document.WithSyntaxRoot(tracked);
    }

    private sealed class FixPlan
    {
        public FixPlan(ExpressionStatementSyntax statement, ExpressionSyntax read, System.Func<ExpressionSyntax, ExpressionSyntax> restore, string baseName)
        {
            Statement = statement;
            Read = read;
            Restore = restore;
            BaseName = baseName;
        }

        public ExpressionStatementSyntax Statement { get; }

        /// <summary>Reads the current value (the initializer of the saved local).</summary>
        public ExpressionSyntax Read { get; }

        /// <summary>Sets the state back to the saved local.</summary>
        public System.Func<ExpressionSyntax, ExpressionSyntax> Restore { get; }

        public string BaseName { get; }
    }

    private static FixPlan? Plan(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { } statement
            && statement.Expression.Span == diagnostic.Location.SourceSpan
            ? Plan(statement)
            : null;
    }

    /// <summary>The shape of the change, read from syntax (the analyzer has already resolved the symbols).</summary>
    private static FixPlan? Plan(ExpressionStatementSyntax statement)
    {
        if (statement.Parent is not BlockSyntax block)
        {
            return null;
        }

        var rest = block.Statements.SkipWhile(s => s != statement).Skip(1).ToList();
        if (rest.Count == 0 || rest.Any(r => r.DescendantNodesAndSelf().Any(n => n is LocalFunctionStatementSyntax or LabeledStatementSyntax)))
        {
            return null;
        }

        switch (statement.Expression)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                var arguments = invocation.ArgumentList.Arguments;
                if (access.Name.Identifier.ValueText == "SetEnvironmentVariable"
                    && arguments.Count == 2
                    && arguments.All(a => a.NameColon is null)
                    && arguments[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } name)
                {
                    return new FixPlan(
                        statement,
                        InvocationExpression(
                            access.WithName(IdentifierName("GetEnvironmentVariable")).WithoutTrivia(),
                            ArgumentList(SingletonSeparatedList(Argument(name.WithoutTrivia())))),
                        saved => InvocationExpression(
                            access.WithoutTrivia(),
                            ArgumentList(SeparatedList(new[] { Argument(name.WithoutTrivia()), Argument(saved) }))),
                        "previousValue");
                }

                if (access.Name.Identifier.ValueText == "SetCurrentDirectory" && arguments.Count == 1)
                {
                    return new FixPlan(
                        statement,
                        InvocationExpression(access.WithName(IdentifierName("GetCurrentDirectory")).WithoutTrivia(), ArgumentList()),
                        saved => InvocationExpression(access.WithoutTrivia(), ArgumentList(SingletonSeparatedList(Argument(saved)))),
                        "previousDirectory");
                }

                return null;
            case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: MemberAccessExpressionSyntax left }:
                var baseName = left.Name.Identifier.ValueText switch
                {
                    "CurrentDirectory" => "previousDirectory",
                    "DefaultThreadCurrentCulture" => "previousCulture",
                    "DefaultThreadCurrentUICulture" => "previousUICulture",
                    _ => null,
                };
                return baseName is null
                    ? null
                    : new FixPlan(
                        statement,
                        left.WithoutTrivia(),
                        saved => AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, left.WithoutTrivia(), saved),
                        baseName);
            default:
                return null;
        }
    }

    /// <summary><paramref name="baseName"/>, or with a number after it when the member already uses that name.</summary>
    private static string FreeName(SyntaxNode statement, string baseName, HashSet<string> assigned)
    {
        var member = statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? statement;
        var taken = new HashSet<string>(member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        taken.UnionWith(assigned);
        var name = baseName;
        for (var suffix = 2; taken.Contains(name); suffix++)
        {
            name = baseName + suffix;
        }

        return name;
    }
}
