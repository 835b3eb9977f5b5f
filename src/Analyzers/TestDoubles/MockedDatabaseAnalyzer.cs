using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.TestDoubles;

/// <summary>
/// TST2001: a test double (Moq, NSubstitute, FakeItEasy, MockQueryable) of a database type: an EF
/// Core or EF6 context, set or database facade, an ADO.NET connection or command, or an interface
/// exposing a <c>DbSet&lt;T&gt;</c>. Reported anywhere in a test project, on the creation expression.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MockedDatabaseAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST2001);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var mocks = model.Mocks;
        if (!mocks.HasMockingLibrary)
        {
            return;
        }

        var databaseTypes = new DatabaseTypes(context.Compilation);
        if (databaseTypes.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext =>
            {
                var creation = mocks.Recognize(operationContext.Operation);
                if (!creation.IsMock)
                {
                    return;
                }

                foreach (var mocked in creation.MockedTypes)
                {
                    if (databaseTypes.IsDatabaseType(mocked))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(
                            Rules.TST2001,
                            operationContext.Operation.Syntax.GetLocation(),
                            mocked.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                        return;
                    }
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation);
    }
}
