using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.TestDoubles;

/// <summary>
/// TST2005 (off by default): every check in the test is a verification of calls on a test double
/// (Moq <c>Verify*</c>, NSubstitute <c>Received*</c>, FakeItEasy <c>MustHaveHappened*</c>) and nothing
/// checks the outcome (<see cref="TestChecks"/>). Reported on the method name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InteractionOnlyAssertionsAnalyzer : TestSmellsAnalyzer
{
    private protected override bool FindingsStayInAnalyzedMember => true;

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST2005);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        if (!model.Mocks.HasMockingLibrary)
        {
            return;
        }

        var checks = new TestChecks(context.Compilation);
        context.RegisterOperationBlockAction(blockContext =>
        {
            if (blockContext.OwningSymbol is not IMethodSymbol method
                || method.MethodKind != MethodKind.Ordinary
                || !model.IsTestMethod(method)
                || blockContext.OperationBlocks.IsEmpty
                || blockContext.OperationBlocks[0].Syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration
                || checks.IsExempt(method, model))
            {
                return;
            }

            // The model shared with TST2003 and TST3001. Code that does not bind may be the outcome
            // check the model cannot see: silence.
            var scope = model.Assertions.For(blockContext.Options, declaration.SyntaxTree);
            if (!TestChecks.Of(method, blockContext.OperationBlocks, scope).ChecksOnlyInteractions())
            {
                return;
            }

            blockContext.ReportDiagnostic(Diagnostic.Create(
                Rules.TST2005,
                declaration.Identifier.GetLocation(),
                method.Name));
        });
    }
}
