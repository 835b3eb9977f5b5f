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
using TestSmells.Analyzers.Time;
using TestSmells.Analyzers.CodeFixes.Infrastructure;

namespace TestSmells.Analyzers.CodeFixes.Time;

/// <summary>
/// TST1005: passes the type's <c>TimeProvider</c>: <c>Task.Delay(d, tp)</c> / <c>Task.Delay(d, tp, ct)</c>,
/// <c>tp.CreateTimer(cb, state, due, period)</c>, <c>task.WaitAsync(t, tp)</c>,
/// <c>new CancellationTokenSource(t, tp)</c>; milliseconds become <c>TimeSpan.FromMilliseconds(n)</c>.
/// A timer is only rewritten where its new type (<c>ITimer</c>) fits: a <c>var</c> local used only
/// through <c>Dispose</c>/<c>DisposeAsync</c>/<c>Change(TimeSpan, TimeSpan)</c>, or a target typed
/// <c>ITimer</c>, <c>IDisposable</c>, <c>IAsyncDisposable</c> or <c>object</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PassTimeProviderCodeFix))]
[Shared]
public sealed class PassTimeProviderCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "TST1005.PassTimeProvider";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST1005");

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
            if (!diagnostic.Properties.TryGetValue(TimeProviderBypassAnalyzer.ProviderProperty, out var provider) || string.IsNullOrEmpty(provider)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
            {
                continue;
            }

            var imports = new List<string>();
            var replacement = semanticModel.GetOperation(node, context.CancellationToken) switch
            {
                IInvocationOperation invocation => Rewrite(invocation, (InvocationExpressionSyntax)node, provider!, semanticModel, imports),
                IObjectCreationOperation creation => Rewrite(creation, node, provider!, semanticModel, imports, context.CancellationToken),
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Pass '{provider}'",
                    ct => FakeClocks.ReplaceAsync(context.Document, node, replacement.WithTriviaFrom(node).WithAdditionalAnnotations(Formatter.Annotation), imports, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary><c>Task.Delay(d[, ct])</c> and <c>task.WaitAsync(t[, ct])</c>: the provider goes after the duration.</summary>
    private static ExpressionSyntax? Rewrite(IInvocationOperation invocation, InvocationExpressionSyntax syntax, string provider, SemanticModel semanticModel, List<string> imports)
    {
        var arguments = syntax.ArgumentList.Arguments;
        if (arguments.Count is < 1 or > 2 || arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            return null;
        }

        var first = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
        if (first?.Parameter is null)
        {
            return null;
        }

        var duration = FakeClocks.AsTimeSpan(arguments[0].Expression, first.Parameter.Type.Name == "TimeSpan", semanticModel, syntax.SpanStart, imports);
        var newArguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(duration), SyntaxFactory.Argument(SyntaxFactory.IdentifierName(provider)) };
        if (arguments.Count == 2)
        {
            newArguments.Add(arguments[1].WithoutTrivia());
        }

        return syntax.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(newArguments)));
    }

    /// <summary><c>new CancellationTokenSource(t, tp)</c> and <c>tp.CreateTimer(cb, state, due, period)</c>.</summary>
    private static ExpressionSyntax? Rewrite(IObjectCreationOperation creation, ExpressionSyntax syntax, string provider, SemanticModel semanticModel, List<string> imports, CancellationToken cancellationToken)
    {
        var arguments = (syntax as BaseObjectCreationExpressionSyntax)?.ArgumentList?.Arguments ?? default;
        if (creation.Constructor is null || arguments.Any(a => a.NameColon is not null) || creation.Initializer is not null)
        {
            return null;
        }

        var parameters = creation.Constructor.Parameters;
        if (creation.Type?.Name == "CancellationTokenSource" && arguments.Count == 1)
        {
            var delay = FakeClocks.AsTimeSpan(arguments[0].Expression, parameters[0].Type.Name == "TimeSpan", semanticModel, syntax.SpanStart, imports);
            return ((BaseObjectCreationExpressionSyntax)syntax).WithArgumentList(
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(delay), SyntaxFactory.Argument(SyntaxFactory.IdentifierName(provider)) })));
        }

        if (creation.Type?.Name != "Timer" || arguments.Count != 4 || !AcceptsITimer(creation, semanticModel, cancellationToken))
        {
            return null;
        }

        var isTimeSpan = parameters[2].Type.Name == "TimeSpan";
        var due = Period(arguments[2].Expression, isTimeSpan, semanticModel, syntax.SpanStart, imports);
        var period = Period(arguments[3].Expression, isTimeSpan, semanticModel, syntax.SpanStart, imports);
        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(provider), SyntaxFactory.IdentifierName("CreateTimer")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                arguments[0].WithoutTrivia(),
                arguments[1].WithoutTrivia(),
                SyntaxFactory.Argument(due),
                SyntaxFactory.Argument(period),
            })));
    }

    /// <summary>A due time or period; <c>Timeout.Infinite</c> becomes <c>Timeout.InfiniteTimeSpan</c>.</summary>
    private static ExpressionSyntax Period(ExpressionSyntax value, bool isTimeSpan, SemanticModel semanticModel, int position, List<string> imports)
    {
        if (!isTimeSpan && value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Infinite" } infinite
            && semanticModel.GetSymbolInfo(infinite).Symbol is IFieldSymbol { ContainingType.Name: "Timeout" })
        {
            return infinite.WithName(SyntaxFactory.IdentifierName("InfiniteTimeSpan")).WithoutTrivia();
        }

        return FakeClocks.AsTimeSpan(value, isTimeSpan, semanticModel, position, imports);
    }

    /// <summary>True when an <c>ITimer</c> can stand where the <c>Timer</c> was created.</summary>
    private static bool AcceptsITimer(IObjectCreationOperation creation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var parent = creation.Parent;
        if (parent is IConversionOperation { IsImplicit: true } conversion)
        {
            return conversion.Type is { } target
                && (target.SpecialType == SpecialType.System_Object || target.Name is "ITimer" or "IDisposable" or "IAsyncDisposable");
        }

        if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            && declarator.Syntax is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } }
            && declarator.Symbol is { } local)
        {
            var scope = declarator.Syntax.FirstAncestorOrSelf<BlockSyntax>();
            if (scope is null)
            {
                return false;
            }

            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != local.Name
                    || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    continue;
                }

                if (identifier.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access
                    || access.Expression != identifier
                    || access.Name.Identifier.ValueText is not ("Dispose" or "DisposeAsync" or "Change")
                    || (access.Name.Identifier.ValueText == "Change"
                        && !call.ArgumentList.Arguments.All(a => semanticModel.GetTypeInfo(a.Expression, cancellationToken).Type?.Name == "TimeSpan")))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }
}
