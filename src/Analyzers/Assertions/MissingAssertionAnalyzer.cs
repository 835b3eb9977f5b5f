using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Assertions;

/// <summary>
/// TST3001: a test method that contains no assertion, verification, snapshot, <c>throw</c> or call to a
/// helper that asserts. It stays silent where another rule says more: TST3004 on an empty method, and
/// TST2003 on a test that creates mocks (the test-doubles rule names the mock).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingAssertionAnalyzer : TestSmellsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.TST3001);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var skips = new SkipModel(context.Compilation);
        var timeLimits = TypeLookup.FindAll(
            context.Compilation,
            "NUnit.Framework.TimeoutAttribute",
            "NUnit.Framework.MaxTimeAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.TimeoutAttribute",
            "TUnit.Core.TimeoutAttribute");

        context.RegisterOperationBlockAction(blockContext =>
        {
            if (blockContext.OwningSymbol is not IMethodSymbol method
                || method.MethodKind != MethodKind.Ordinary
                || method.IsOverride // a derived fixture that stubs an inherited test opts out of it on purpose
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

            if (skips.IsSkipped(method)
                || model.Assertions.HasExpectedException(method)
                || HasExpectedResultOrTimeLimit(method, timeLimits))
            {
                return;
            }

            var scope = model.Assertions.For(blockContext.Options, declaration.SyntaxTree);
            foreach (var block in blockContext.OperationBlocks)
            {
                if (ChecksSomething(block, scope))
                {
                    return;
                }
            }

            foreach (var block in blockContext.OperationBlocks)
            {
                if (MockUsage.SetsUpMocks(block, model))
                {
                    return; // a test that sets up mocks and asserts nothing is TST2003's finding (it names the mock)
                }
            }

            blockContext.ReportDiagnostic(Diagnostic.Create(Rules.TST3001, declaration.Identifier.GetLocation(), method.Name));
        });
    }

    private static bool ChecksSomething(IOperation block, AssertionModel.Scope scope)
    {
        foreach (var operation in block.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IThrowOperation { Exception: not null }:
                    return true;
                case IInvocationOperation invocation:
                    if (scope.Classify(invocation) != AssertionKind.None
                        || HasAssertionName(invocation.TargetMethod)
                        || IsRuntimeSkipOrAssumption(invocation.TargetMethod))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// Assertion helpers of libraries the model does not know (a shared test-utilities assembly,
    /// ApprovalTests, custom verifiers): a method named Assert*, Verify*, Should* or Expect* is taken
    /// at its word. Precision first: an unknown helper with such a name most likely asserts.
    /// </summary>
    private static bool HasAssertionName(IMethodSymbol method)
        => (StartsWithWord(method.Name, "Assert") || StartsWithWord(method.Name, "Verify")
                || StartsWithWord(method.Name, "Should") || StartsWithWord(method.Name, "Expect"))
            && !IsLibraryTheModelKnows(method.ContainingAssembly?.Name);

    /// <summary>The model classifies these libraries exactly (FluentAssertions' bare <c>Should()</c> asserts nothing).</summary>
    private static bool IsLibraryTheModelKnows(string? assembly)
        => assembly is "FluentAssertions" or "AwesomeAssertions" or "Shouldly" or "Moq" or "NSubstitute" or "FakeItEasy"
            or "TUnit.Assertions" or "TUnit.Core";

    private static bool StartsWithWord(string name, string prefix)
        => name.StartsWith(prefix, StringComparison.Ordinal)
            && (name.Length == prefix.Length || char.IsUpper(name[prefix.Length]) || name[prefix.Length] == '_');

    /// <summary>
    /// A test that decides at run time whether it applies (TUnit <c>Skip.Test/When/Unless</c>, xUnit
    /// SkippableFact's <c>Skip.If</c>, NUnit <c>Assume.That</c>) is not a test without a check.
    /// </summary>
    private static bool IsRuntimeSkipOrAssumption(IMethodSymbol method)
        => method.IsStatic && method.ContainingType is { Name: "Skip" or "Assume" };

    /// <summary>
    /// NUnit tests whose return value is the assertion (<c>ExpectedResult =</c>, or a value-returning test fed by
    /// <c>TestCaseData.Returns</c>), and tests whose time limit is the assertion (NUnit <c>[MaxTime]</c>/<c>[Timeout]</c>,
    /// MSTest and TUnit <c>[Timeout]</c>, xUnit <c>Timeout =</c>).
    /// </summary>
    private static bool HasExpectedResultOrTimeLimit(IMethodSymbol method, ImmutableHashSet<INamedTypeSymbol> timeLimits)
    {
        var isNUnit = false;
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type)
            {
                continue;
            }

            if (TypeLookup.IsOrInheritsFrom(type, timeLimits))
            {
                return true;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "ExpectedResult" || named.Key == "Timeout" && named.Value.Value is int and > 0)
                {
                    return true;
                }
            }

            isNUnit |= type.ContainingNamespace?.ToDisplayString().StartsWith("NUnit", StringComparison.Ordinal) == true;
        }

        return isNUnit && !method.ReturnsVoid && !IsNonGenericTask(method.ReturnType);
    }

    private static bool IsNonGenericTask(ITypeSymbol type)
        => type is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask" } named
            && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
}
