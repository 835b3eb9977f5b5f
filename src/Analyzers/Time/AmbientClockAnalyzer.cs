using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>
/// TST1004: production code that reads the ambient clock (<c>DateTime.Now/UtcNow/Today</c>,
/// <c>DateTimeOffset.Now/UtcNow</c>) where <c>System.TimeProvider</c> is available to inject.
/// </summary>
/// <remarks>
/// A production project is most of a solution and reads the clock in few places, so the rule starts from
/// the text, not from the operations: one search per file for <c>Now</c> and <c>Today</c>, then only the
/// names spelled so are bound. No operation action is registered, so the compiler builds no operation
/// tree for production code on this rule's account.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AmbientClockAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST1004);

    private protected override bool AnalyzesProductionCode => true;

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var clock = new ClockReads(context.Compilation);
        if (clock.TimeProvider is null)
        {
            // Nothing to inject: the advice would not compile.
            return;
        }

        context.RegisterSemanticModelAction(modelContext =>
        {
            var semanticModel = modelContext.SemanticModel;
            var tree = semanticModel.SyntaxTree;
            if (!model.Words.MayName(tree, SourceWord.Now | SourceWord.Today))
            {
                return;
            }

            foreach (var token in tree.GetRoot(modelContext.CancellationToken).DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken)
                    && token.ValueText is "Now" or "UtcNow" or "Today"
                    && token.Parent is IdentifierNameSyntax name)
                {
                    Analyze(modelContext, clock, name);
                }
            }
        });
    }

    private static void Analyze(SemanticModelAnalysisContext context, ClockReads clock, IdentifierNameSyntax name)
    {
        // DateTime.Now, System.DateTime.Now, or Now under `using static System.DateTime`.
        SyntaxNode read = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        if (context.SemanticModel.GetOperation(read, context.CancellationToken) is not IPropertyReferenceOperation reference)
        {
            return;
        }

        var kind = clock.Classify(reference);
        if (kind is ClockRead.None or ClockRead.TimeProviderSystem || ExpressionTrees.IsInExpressionTree(reference))
        {
            return;
        }

        var member = EnclosingMember(context.SemanticModel.GetEnclosingSymbol(read.SpanStart, context.CancellationToken));
        var type = member as INamedTypeSymbol ?? member?.ContainingType;
        if (type is null
            || clock.IsInsideTimeProviderImplementation(type)
            || UnresolvedCode.HasUnresolvedAttribute(member))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Rules.TST1004,
            reference.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(ClockReads.ReadProperty, kind.ToString()),
            ClockReads.Display(kind),
            type.Name));
    }

    /// <summary>The member a lambda or local function belongs to.</summary>
    private static ISymbol? EnclosingMember(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }
}
