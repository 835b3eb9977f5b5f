using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.TestDoubles;

/// <summary>
/// TST2003: a test method that creates or configures test doubles and neither asserts nor verifies
/// anything (helpers followed through the assertion model). Reported on the method name, naming the
/// first double. Skipped tests, <c>[ExpectedException]</c> and NUnit <c>ExpectedResult</c> tests are
/// left alone. TST3001 (no assertion) defers to this rule through <see cref="MockUsage.SetsUpMocks"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MocksWithoutAssertionAnalyzer : TestSmellsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.TST2003);

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

            var mock = MockUsage.FirstMockIn(body, model);
            if (mock is null
                || model.Assertions.For(blockContext.Options, body.Syntax.SyntaxTree).AssertionsIn(body) != AssertionKind.None)
            {
                return;
            }

            blockContext.ReportDiagnostic(Diagnostic.Create(
                Rules.TST2003,
                TestBodies.NameLocation(method, body),
                method.Name,
                mock.Name));
        });
    }
}
