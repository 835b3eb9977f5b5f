using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.TestDoubles;

/// <summary>
/// TST2005 (off by default): every check in the test is a verification of calls on a test double
/// (Moq <c>Verify*</c>, NSubstitute <c>Received*</c>, FakeItEasy <c>MustHaveHappened*</c>) and no
/// assertion looks at the outcome. Reported on the method name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InteractionOnlyAssertionsAnalyzer : TestSmellsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.TST2005);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        if (!model.Mocks.HasMockingLibrary)
        {
            return;
        }

        var traits = new TestMethodTraits(context.Compilation);
        context.RegisterOperationBlockAction(blockContext =>
        {
            if (blockContext.OwningSymbol is not IMethodSymbol method
                || !model.IsTestMethod(method)
                || TestBodies.Of(blockContext.OperationBlocks) is not { } body
                || traits.IsSkipped(method)
                || TestMethodTraits.HasExpectedResult(method)
                || model.Assertions.HasExpectedException(method))
            {
                return;
            }

            if (model.Assertions.For(blockContext.Options, body.Syntax.SyntaxTree).AssertionsIn(body) != AssertionKind.Interaction)
            {
                return;
            }

            blockContext.ReportDiagnostic(Diagnostic.Create(
                Rules.TST2005,
                TestBodies.NameLocation(method, body),
                method.Name));
        });
    }
}
