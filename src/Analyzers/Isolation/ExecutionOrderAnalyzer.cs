using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Isolation;

/// <summary>
/// TST4002: attributes that make tests run in a chosen order. NUnit <c>[Order]</c>; xUnit
/// <c>[TestCaseOrderer]</c>/<c>[TestCollectionOrderer]</c> (v3: any attribute implementing the
/// orderer-attribute interfaces) and, in xUnit projects, the user-written priority attributes that
/// such orderers read (a class named <c>*PriorityAttribute</c> or <c>TestPriority</c> on a test);
/// TUnit <c>[DependsOn]</c> and <c>[NotInParallel(Order = n)]</c>. MSTest has no ordering
/// attribute: its <c>[Priority]</c> is metadata for filtering and does not change the order.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExecutionOrderAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST4002);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var compilation = context.Compilation;
        var ordering = TypeLookup.FindAll(
            compilation,
            "NUnit.Framework.OrderAttribute",
            "Xunit.TestCaseOrdererAttribute",
            "Xunit.TestCollectionOrdererAttribute",
            "Xunit.TestClassOrdererAttribute",
            "Xunit.TestMethodOrdererAttribute",
            "Xunit.v3.ITestCaseOrdererAttribute",
            "Xunit.v3.ITestCollectionOrdererAttribute",
            "Xunit.v3.ITestClassOrdererAttribute",
            "Xunit.v3.ITestMethodOrdererAttribute",
            "TUnit.Core.DependsOnAttribute",
            "TUnit.Core.DependsOnAttribute`1");
        var notInParallel = TypeLookup.Find(compilation, "TUnit.Core.NotInParallelAttribute");
        var traits = TypeLookup.FindAll(
            compilation,
            "Xunit.Sdk.ITraitAttribute",
            "Xunit.v3.ITraitAttribute",
            "NUnit.Framework.PropertyAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.TestPropertyAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.TestCategoryBaseAttribute");
        var readsPriorities = (model.Frameworks & (TestFramework.XunitV2 | TestFramework.XunitV3)) != 0;
        if (ordering.IsEmpty && notInParallel is null && !readsPriorities)
        {
            return;
        }

        var rule = new OrderingAttributes(ordering, notInParallel, readsPriorities ? traits : null);

        context.RegisterSymbolAction(
            symbolContext =>
            {
                var symbol = symbolContext.Symbol;
                var isTest = symbol is IMethodSymbol method ? model.IsTestMethod(method) : model.IsTestClass(symbol as INamedTypeSymbol);
                if (symbol is IMethodSymbol && !isTest)
                {
                    return;
                }

                foreach (var attribute in symbol.GetAttributes())
                {
                    if (rule.IsOrdering(attribute, isTest))
                    {
                        Report(symbolContext.ReportDiagnostic, attribute, symbolContext.CancellationToken);
                    }
                }
            },
            SymbolKind.Method,
            SymbolKind.NamedType);

        // Assembly-wide orderers ([assembly: TestCollectionOrderer(...)]): the assembly's attributes are
        // known at compilation start, so the per-attribute-list callback (every [Fact] is in one) is
        // registered only when one of them orders tests.
        if (!HasOrderingAssemblyAttribute(compilation, rule))
        {
            return;
        }

        context.RegisterSyntaxNodeAction(
            nodeContext =>
            {
                var list = (AttributeListSyntax)nodeContext.Node;
                if (list.Target is not { Identifier.RawKind: (int)SyntaxKind.AssemblyKeyword })
                {
                    return;
                }

                foreach (var attribute in nodeContext.SemanticModel.Compilation.Assembly.GetAttributes())
                {
                    if (attribute.ApplicationSyntaxReference is { } reference
                        && list.Span.Contains(reference.Span)
                        && reference.SyntaxTree == list.SyntaxTree
                        && rule.IsOrdering(attribute, isTest: false))
                    {
                        Report(nodeContext.ReportDiagnostic, attribute, nodeContext.CancellationToken);
                    }
                }
            },
            SyntaxKind.AttributeList);
    }

    private static bool HasOrderingAssemblyAttribute(Compilation compilation, OrderingAttributes rule)
    {
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (rule.IsOrdering(attribute, isTest: false))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(Action<Diagnostic> report, AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return;
        }

        report(Diagnostic.Create(Rules.TST4002, syntax.GetLocation(), "[" + syntax + "]"));
    }

    private sealed class OrderingAttributes
    {
        private readonly ImmutableHashSet<INamedTypeSymbol> _ordering;
        private readonly ImmutableHashSet<INamedTypeSymbol> _notInParallel;
        private readonly ImmutableHashSet<INamedTypeSymbol>? _traits;

        public OrderingAttributes(ImmutableHashSet<INamedTypeSymbol> ordering, INamedTypeSymbol? notInParallel, ImmutableHashSet<INamedTypeSymbol>? traits)
        {
            _ordering = ordering;
            _notInParallel = notInParallel is null
                ? ImmutableHashSet<INamedTypeSymbol>.Empty
                : ImmutableHashSet.Create<INamedTypeSymbol>(SymbolEqualityComparer.Default, notInParallel);
            _traits = traits;
        }

        public bool IsOrdering(AttributeData attribute, bool isTest)
        {
            if (attribute.AttributeClass is not { } type || type.TypeKind == TypeKind.Error)
            {
                return false;
            }

            if (TypeLookup.IsOrInheritsFrom(type, _ordering))
            {
                return true;
            }

            if (TypeLookup.IsOrInheritsFrom(type, _notInParallel))
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Order")
                    {
                        return true;
                    }
                }

                return false;
            }

            return isTest && _traits is not null && IsUserPriority(type);
        }

        /// <summary>
        /// The priority attribute of a hand-written xUnit orderer: declared by the user (not by a
        /// test framework), named <c>*PriorityAttribute</c> or <c>TestPriority</c>, and not a trait.
        /// </summary>
        private bool IsUserPriority(INamedTypeSymbol type)
        {
            if (!type.Name.EndsWith("PriorityAttribute", StringComparison.Ordinal) && type.Name != "TestPriority")
            {
                return false;
            }

            var assembly = type.ContainingAssembly?.Name ?? string.Empty;
            if (assembly.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
                || assembly.StartsWith("nunit", StringComparison.OrdinalIgnoreCase)
                || assembly.StartsWith("MSTest", StringComparison.Ordinal)
                || assembly.StartsWith("Microsoft.VisualStudio.TestPlatform", StringComparison.Ordinal)
                || assembly.StartsWith("TUnit", StringComparison.Ordinal)
                || assembly.StartsWith("System", StringComparison.Ordinal)
                || assembly is "mscorlib" or "netstandard")
            {
                return false;
            }

            return !TypeLookup.IsOrInheritsFrom(type, _traits!);
        }
    }
}
