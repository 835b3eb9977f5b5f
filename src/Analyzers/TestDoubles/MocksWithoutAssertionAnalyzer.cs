using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.TestDoubles;

/// <summary>
/// TST2003: a test method that creates or configures test doubles (<see cref="MockUsage"/>) and checks
/// nothing (<see cref="TestChecks"/>: no assertion, verification, <c>throw</c>, helper that asserts).
/// Reported on the method name, naming the first double. It takes exactly the unchecked tests that
/// TST3001 leaves to it, and leaves alone the same exempt tests (skipped, <c>[ExpectedException]</c>,
/// NUnit <c>ExpectedResult</c>, time limits, overrides).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MocksWithoutAssertionAnalyzer : TestSmellsAnalyzer
{
    private protected override bool FindingsStayInAnalyzedMember => true;

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST2003);

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

            // Most tests check something: that answer (the model shared with TST2005 and TST3001, a walk from the
            // last statement) settles it before the mock search. Code that does not bind may be the check: silence.
            var scope = model.Assertions.For(blockContext.Options, declaration.SyntaxTree);
            if (TestChecks.Of(method, blockContext.OperationBlocks, scope).MayCheckSomething())
            {
                return;
            }

            MockUse? first = null;
            foreach (var block in blockContext.OperationBlocks)
            {
                first ??= MockUsage.FirstMockIn(block, model);
            }

            if (first is null)
            {
                return;
            }

            blockContext.ReportDiagnostic(Diagnostic.Create(
                Rules.TST2003,
                declaration.Identifier.GetLocation(),
                method.Name,
                first.Name));
        });
    }
}
