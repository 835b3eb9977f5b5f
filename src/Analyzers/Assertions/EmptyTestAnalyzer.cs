using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Assertions;

/// <summary>TST3004: a test method whose body has no statement.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyTestAnalyzer : TestSmellsAnalyzer
{
    private protected override bool FindingsStayInAnalyzedMember => true;

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST3004);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var skips = new SkipModel(context.Compilation);
        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                var declaration = (MethodDeclarationSyntax)nodeContext.Node;
                // A test method carries an attribute of its own; an override that inherits it is skipped below anyway.
                if (declaration.AttributeLists.Count == 0 || !TestMethodShape.HasEmptyBody(declaration))
                {
                    return;
                }

                if (nodeContext.SemanticModel.GetDeclaredSymbol(declaration, nodeContext.CancellationToken) is not { } method
                    || method.IsOverride // a derived fixture emptying an inherited test opts out of it on purpose
                    || !model.IsTestMethod(method)
                    || skips.IsSkipped(method))
                {
                    return;
                }

                nodeContext.ReportDiagnostic(Diagnostic.Create(Rules.TST3004, declaration.Identifier.GetLocation(), method.Name));
            },
            SyntaxKind.MethodDeclaration);
    }
}
