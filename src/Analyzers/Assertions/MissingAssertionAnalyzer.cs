using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Assertions;

/// <summary>
/// TST3001: a test method that contains no assertion, verification, snapshot, <c>throw</c> or call to a
/// helper that asserts (see <see cref="TestChecks"/>). It stays silent where another rule says more:
/// TST3004 on an empty method, and TST2003 on a test that creates or configures mocks
/// (<see cref="MockUsage.SetsUpMocks"/>; the test-doubles rule names the mock).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingAssertionAnalyzer : TestSmellsAnalyzer
{
    private protected override bool FindingsStayInAnalyzedMember => true;

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST3001);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var checks = new TestChecks(context.Compilation);

        context.RegisterOperationBlockAction(blockContext =>
        {
            if (blockContext.OwningSymbol is not IMethodSymbol method
                || method.MethodKind != MethodKind.Ordinary
                || !model.IsTestMethod(method)
                || blockContext.OperationBlocks.IsEmpty)
            {
                return;
            }

            var declaration = blockContext.OperationBlocks[0].Syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>();
            if (declaration is null || TestMethodShape.HasEmptyBody(declaration))
            {
                return; // TST3004 reports empty methods
            }

            if (checks.IsExempt(method, model))
            {
                return;
            }


            // What the test checks (the model shared with TST2003 and TST2005; helpers memoized). Code that does not
            // bind (a missing reference, a half-typed call) may be the check: silence, not a guess.
            var scope = model.Assertions.For(blockContext.Options, declaration.SyntaxTree);
            if (TestChecks.Of(method, blockContext.OperationBlocks, scope).MayCheckSomething())
            {
                return;
            }

            foreach (var block in blockContext.OperationBlocks)
            {
                // A test that sets up mocks and checks nothing is TST2003's finding (it names the mock).
                if (MockUsage.SetsUpMocks(block, model))
                {
                    return;
                }
            }

            // A test named for "it does not throw / hang / change anything twice", or whose comments say so, is
            // a deliberate smoke test: reaching the end is its check. Opt in with test_smells.report_smoke_tests.
            if ((SmokeTestName.States(method.Name) || SmokeTestName.StatedInComments(declaration))
                && !SmellOptions.IsTrue(blockContext.Options, declaration.SyntaxTree, SmellOptions.ReportSmokeTestsKey))
            {
                return;
            }

            blockContext.ReportDiagnostic(Diagnostic.Create(Rules.TST3001, declaration.Identifier.GetLocation(), method.Name));
        });
    }
}
