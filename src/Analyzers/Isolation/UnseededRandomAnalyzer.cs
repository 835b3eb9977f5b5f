using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Isolation;

/// <summary>TST4003: <c>new Random()</c> without a seed and <c>Random.Shared</c> in test code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededRandomAnalyzer : TestSmellsAnalyzer
{
    /// <summary>Diagnostic property: which shape was found (<see cref="NewRandom"/> or <see cref="SharedRandom"/>).</summary>
    public const string ShapeKey = "Shape";
    public const string NewRandom = "New";
    public const string SharedRandom = "Shared";

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST4003);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var random = TypeLookup.Find(context.Compilation, "System.Random");
        if (random is null)
        {
            return;
        }

        var newProperties = ImmutableDictionary<string, string?>.Empty.Add(ShapeKey, NewRandom);
        var sharedProperties = ImmutableDictionary<string, string?>.Empty.Add(ShapeKey, SharedRandom);

        context.RegisterOperationAction(
            operationContext =>
            {
                var creation = (IObjectCreationOperation)operationContext.Operation;
                if (creation.Arguments.Length != 0
                    || !SymbolEqualityComparer.Default.Equals(creation.Type, random)
                    || !IsTestCodeThatRuns(creation, operationContext.ContainingSymbol, model))
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(Rules.TST4003, creation.Syntax.GetLocation(), newProperties, "new Random()"));
            },
            OperationKind.ObjectCreation);

        context.RegisterOperationAction(
            operationContext =>
            {
                var reference = (IPropertyReferenceOperation)operationContext.Operation;
                var property = reference.Property;
                if (property.Name != "Shared"
                    || !property.IsStatic
                    || !SymbolEqualityComparer.Default.Equals(property.ContainingType, random)
                    || !IsTestCodeThatRuns(reference, operationContext.ContainingSymbol, model))
                {
                    return;
                }

                operationContext.ReportDiagnostic(Diagnostic.Create(Rules.TST4003, reference.Syntax.GetLocation(), sharedProperties, "Random.Shared"));
            },
            OperationKind.PropertyReference);
    }

    private static bool IsTestCodeThatRuns(IOperation operation, ISymbol containingSymbol, TestCodeModel model)
        => model.IsTestCode(containingSymbol) && !ExpressionTrees.IsInExpressionTree(operation);
}
