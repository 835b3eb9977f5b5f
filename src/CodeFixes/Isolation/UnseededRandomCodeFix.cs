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
using TestSmells.Analyzers.Isolation;
using TestSmells.Analyzers.Model;
using TestSmells.Analyzers.CodeFixes.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TestSmells.Analyzers.CodeFixes.Isolation;

/// <summary>
/// TST4003: seeds the randomness. <c>new Random()</c> becomes <c>new Random(12345)</c>;
/// <c>Random.Shared</c> in a test method becomes a local <c>var random = new Random(12345);</c>
/// declared once at the top of the test and used for every <c>Random.Shared</c> of its body (a
/// seeded static instance would be shared mutable state, TST4001).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededRandomCodeFix))]
[Shared]
public sealed class UnseededRandomCodeFix : DocumentFix
{
    public const string EquivalenceKey = "TST4003.UseFixedSeed";
    public const int Seed = 12345;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST4003");

    private protected override string Title => $"Use a fixed seed ({Seed})";

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

        var creations = new HashSet<SyntaxNode>();
        var members = new Dictionary<SyntaxNode, string>();
        var sharedReads = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            switch (Plan(root, semanticModel, diagnostic, cancellationToken))
            {
                case SeedCreation seed:
                    creations.Add(seed.Creation);
                    break;
                case LocalForMember local when !members.ContainsKey(local.Member):
                    var name = FreeName(local.Member, semanticModel, local.Body.SpanStart);
                    members.Add(local.Member, name);
                    foreach (var read in SharedReadsIn(local.Member, semanticModel, cancellationToken))
                    {
                        sharedReads[read] = local.Member;
                    }

                    break;
            }
        }

        if (creations.Count == 0 && members.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(
            creations.Concat(members.Keys).Concat(sharedReads.Keys),
            (original, rewritten) =>
            {
                if (sharedReads.TryGetValue(original, out var owner))
                {
                    return IdentifierName(members[owner]).WithTriviaFrom(rewritten);
                }

                if (members.TryGetValue(original, out var localName))
                {
                    return DeclareLocal(rewritten, localName, semanticModel.GetDeclaredSymbol(original, cancellationToken) as IMethodSymbol);
                }

                return rewritten is BaseObjectCreationExpressionSyntax creation
                    ? creation.WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(SeedLiteral()))))
                    : rewritten;
            });
        return document.WithSyntaxRoot(newRoot);
    }

    private abstract class FixPlan
    {
    }

    private sealed class SeedCreation : FixPlan
    {
        public SeedCreation(BaseObjectCreationExpressionSyntax creation) => Creation = creation;

        public BaseObjectCreationExpressionSyntax Creation { get; }
    }

    private sealed class LocalForMember : FixPlan
    {
        public LocalForMember(SyntaxNode member, SyntaxNode body)
        {
            Member = member;
            Body = body;
        }

        public SyntaxNode Member { get; }

        public SyntaxNode Body { get; }
    }

    /// <summary>What to do for one diagnostic, or null when the code no longer has the shape (or no fix fits).</summary>
    private static FixPlan? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(UnseededRandomAnalyzer.ShapeKey, out var shape))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var random = semanticModel.Compilation.GetTypeByMetadataName("System.Random");
        if (random is null)
        {
            return null;
        }

        if (shape == UnseededRandomAnalyzer.NewRandom)
        {
            // Only where the seeded instance is created once and then used: stored in a variable, field
            // or property, or created in the test's own flow. A seeded Random created per call of a
            // helper, per loop iteration or per lambda call would repeat the same values.
            if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation
                || creation.ArgumentList is { Arguments.Count: > 0 }
                || !SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(creation, cancellationToken).Type, random)
                || InLoopOrLambda(creation)
                || !(IsStored(creation) || IsInTestMethodBody(creation, semanticModel, cancellationToken)))
            {
                return null;
            }

            return new SeedCreation(creation);
        }

        if (shape == UnseededRandomAnalyzer.SharedRandom)
        {
            if (node.FirstAncestorOrSelf<MemberAccessExpressionSyntax>() is not { Name.Identifier.ValueText: "Shared" } access
                || !IsSharedRandom(access, semanticModel, random, cancellationToken)
                || IsInLambda(access)
                || access.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
                || access.Ancestors().TakeWhile(a => a != method).Any(a => a is LocalFunctionStatementSyntax)
                || semanticModel.GetDeclaredSymbol(method, cancellationToken) is not { } methodSymbol
                || !TestCodeModel.For(semanticModel.Compilation).IsTestMethod(methodSymbol))
            {
                return null;
            }

            SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression;
            return body is null ? null : new LocalForMember(method, body);
        }

        return null;
    }

    private static bool IsSharedRandom(MemberAccessExpressionSyntax access, SemanticModel semanticModel, INamedTypeSymbol random, CancellationToken cancellationToken)
        => semanticModel.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol { Name: "Shared", IsStatic: true } property
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, random);

    /// <summary>Every <c>Random.Shared</c> read of the method outside lambdas and local functions.</summary>
    private static IEnumerable<SyntaxNode> SharedReadsIn(SyntaxNode member, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var random = semanticModel.Compilation.GetTypeByMetadataName("System.Random");
        if (random is null)
        {
            yield break;
        }

        foreach (var access in member.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Name.Identifier.ValueText == "Shared" && IsSharedRandom(access, semanticModel, random, cancellationToken))
            {
                yield return access;
            }
        }
    }

    private static SyntaxNode DeclareLocal(SyntaxNode member, string name, IMethodSymbol? symbol)
    {
        if (member is not MethodDeclarationSyntax method)
        {
            return member;
        }

        var declaration = LocalDeclarationStatement(
                VariableDeclaration(
                    IdentifierName("var"),
                    SingletonSeparatedList(
                        VariableDeclarator(Identifier(name))
                            .WithInitializer(EqualsValueClause(
                                ObjectCreationExpression(ParseTypeName("System.Random"))
                                    .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(SeedLiteral())))))))))
            .WithAdditionalAnnotations(Formatter.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);

        if (method.Body is { } body)
        {
            return method.WithBody(body.WithStatements(body.Statements.Insert(0, declaration)));
        }

        if (method.ExpressionBody is { } arrow)
        {
            StatementSyntax statement = ReturnsValue(symbol)
                ? ReturnStatement(arrow.Expression.WithoutTrivia())
                : ExpressionStatement(arrow.Expression.WithoutTrivia());
            return method
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithBody(Block(declaration, statement).WithAdditionalAnnotations(Formatter.Annotation))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        return method;
    }

    /// <summary>True when an expression body is a returned value (not <c>void</c>, not an <c>async Task</c>).</summary>
    private static bool ReturnsValue(IMethodSymbol? method)
    {
        if (method is null || method.ReturnsVoid)
        {
            return false;
        }

        return !(method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" });
    }

    private static LiteralExpressionSyntax SeedLiteral()
        => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(Seed));

    private static bool IsStored(BaseObjectCreationExpressionSyntax creation)
    {
        var parent = creation.Parent;
        while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent is EqualsValueClauseSyntax
            || parent is AssignmentExpressionSyntax assignment && assignment.Right.Contains(creation);
    }

    private static bool IsInTestMethodBody(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
        => node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
            && !node.Ancestors().TakeWhile(a => a != method).Any(a => a is LocalFunctionStatementSyntax)
            && semanticModel.GetDeclaredSymbol(method, cancellationToken) is { } symbol
            && TestCodeModel.For(semanticModel.Compilation).IsTestMethod(symbol);

    private static bool IsInLambda(SyntaxNode node)
        => node.Ancestors().TakeWhile(a => a is not MemberDeclarationSyntax).Any(a => a is AnonymousFunctionExpressionSyntax);

    private static bool InLoopOrLambda(SyntaxNode node)
        => node.Ancestors().TakeWhile(a => a is not (MemberDeclarationSyntax or LocalFunctionStatementSyntax))
            .Any(a => a is AnonymousFunctionExpressionSyntax or ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);

    /// <summary>"random", or "random2", ... when the method already uses that name for anything.</summary>
    private static string FreeName(SyntaxNode member, SemanticModel semanticModel, int position)
    {
        var taken = new HashSet<string>(
            member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        foreach (var symbol in semanticModel.LookupSymbols(position))
        {
            taken.Add(symbol.Name);
        }

        var name = "random";
        for (var suffix = 2; taken.Contains(name); suffix++)
        {
            name = "random" + suffix;
        }

        return name;
    }
}
