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
/// Reported once per cause: once per class (at its own ordering attribute, else at the first one of its
/// tests, with the number of ordered tests in the message) and once per assembly-level orderer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExecutionOrderAnalyzer : TestSmellsAnalyzer
{
    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST4002);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var compilation = context.Compilation;
        var ordering = TypeLookup.FindAll(compilation, Frameworks.OrderingAttributes);
        var notInParallel = TypeLookup.Find(compilation, Frameworks.TUnit.NotInParallelAttribute!);
        var traits = TypeLookup.FindAll(compilation, Frameworks.TraitAttributes);
        var readsPriorities = (model.Frameworks & Frameworks.Xunit) != 0;
        if (ordering.IsEmpty && notInParallel is null && !readsPriorities)
        {
            return;
        }

        var rule = new OrderingAttributes(ordering, notInParallel, readsPriorities ? traits : null);
        var assemblyOrdered = HasOrderingAssemblyAttribute(compilation, rule);

        // One finding per cause: a class whose tests are ordered is reported once, at its own ordering
        // attribute when it has one, otherwise at the first ordering attribute of its tests, with the
        // number of ordered tests in the message (an ordered class of 144 tests is one decision, not 144).
        context.RegisterSymbolAction(
            symbolContext =>
            {
                if (symbolContext.Symbol is not INamedTypeSymbol type)
                {
                    return;
                }

                var cancellationToken = symbolContext.CancellationToken;
                var isTestClass = model.IsTestClass(type);

                // An orderer only orders where the framework reads it: on a test class (or a base of test
                // classes), a collection definition or the assembly. A priority attribute is only read by
                // an orderer applied to its class, a base class or the assembly; without one, xUnit runs
                // the tests in its own order and the priorities change nothing.
                var hostsOrderer = model.IsTestCode(type) || IsCollectionDefinition(type);
                var prioritiesRead = assemblyOrdered || HasOrderer(type, rule);
                AttributeData? cause = null;
                foreach (var attribute in type.GetAttributes())
                {
                    var kind = rule.Kind(attribute, isTestClass);
                    if ((kind == Ordering.Orderer && hostsOrderer) || (kind == Ordering.Priority && prioritiesRead))
                    {
                        cause = First(cause, attribute);
                    }
                }

                var tests = 0;
                var orderedTests = 0;
                AttributeData? firstOnTest = null;
                foreach (var member in type.GetMembers())
                {
                    if (member is not IMethodSymbol method || !model.IsTestMethod(method))
                    {
                        continue;
                    }

                    tests++;
                    var ordered = false;
                    foreach (var attribute in method.GetAttributes())
                    {
                        var kind = rule.Kind(attribute, isTest: true);
                        if (kind == Ordering.Orderer || (kind == Ordering.Priority && prioritiesRead))
                        {
                            ordered = true;
                            firstOnTest = First(firstOnTest, attribute);
                        }
                    }

                    if (ordered)
                    {
                        orderedTests++;
                    }
                }

                // A class-level orderer orders every test of the class; without one, the tests that carry
                // an ordering attribute are the ordered ones.
                var count = cause is not null ? Math.Max(tests, orderedTests) : orderedTests;
                cause ??= firstOnTest;
                if (cause is null)
                {
                    return;
                }

                var subject = count == 0
                    ? "the tests of '" + type.Name + "'"
                    : count == 1
                        ? "1 test of '" + type.Name + "'"
                        : count + " tests of '" + type.Name + "'";
                Report(symbolContext.ReportDiagnostic, cause, subject, cancellationToken);
            },
            SymbolKind.NamedType);

        // Assembly-wide orderers ([assembly: TestCollectionOrderer(...)]): the assembly's attributes are
        // known at compilation start, so the per-attribute-list callback (every [Fact] is in one) is
        // registered only when one of them orders tests.
        if (!assemblyOrdered)
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
                        Report(nodeContext.ReportDiagnostic, attribute, "the tests of the assembly", nodeContext.CancellationToken);
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

    /// <summary>True when the type or one of its base classes carries an orderer (not a priority).</summary>
    private static bool HasOrderer(INamedTypeSymbol type, OrderingAttributes rule)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (rule.Kind(attribute, isTest: false) == Ordering.Orderer)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsCollectionDefinition(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "CollectionDefinitionAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Of two ordering attributes, the one applied first in source (file, then position).</summary>
    private static AttributeData First(AttributeData? current, AttributeData candidate)
    {
        if (current?.ApplicationSyntaxReference is not { } kept)
        {
            return candidate;
        }

        if (candidate.ApplicationSyntaxReference is not { } other)
        {
            return current;
        }

        var byFile = string.CompareOrdinal(other.SyntaxTree.FilePath, kept.SyntaxTree.FilePath);
        return byFile < 0 || (byFile == 0 && other.Span.Start < kept.Span.Start) ? candidate : current;
    }

    private static void Report(Action<Diagnostic> report, AttributeData attribute, string subject, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return;
        }

        report(Diagnostic.Create(Rules.TST4002, syntax.GetLocation(), "[" + syntax + "]", subject));
    }

    /// <summary>What an attribute does to the order of tests.</summary>
    private enum Ordering
    {
        None,
        Orderer,
        Priority,
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

        public bool IsOrdering(AttributeData attribute, bool isTest) => Kind(attribute, isTest) != Ordering.None;

        /// <summary>
        /// An orderer (a framework attribute that orders tests by itself: NUnit Order, xUnit orderers,
        /// TUnit DependsOn and ordered NotInParallel), a priority that a hand-written xUnit orderer reads,
        /// or neither.
        /// </summary>
        public Ordering Kind(AttributeData attribute, bool isTest)
        {
            if (attribute.AttributeClass is not { } type || type.TypeKind == TypeKind.Error)
            {
                return Ordering.None;
            }

            if (TypeLookup.IsOrInheritsFrom(type, _ordering))
            {
                return Ordering.Orderer;
            }

            if (TypeLookup.IsOrInheritsFrom(type, _notInParallel))
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Order")
                    {
                        return Ordering.Orderer;
                    }
                }

                return Ordering.None;
            }

            return isTest && _traits is not null && IsUserPriority(type) ? Ordering.Priority : Ordering.None;
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
            if (Frameworks.OwnsAssembly(assembly)
                || assembly.StartsWith("System", StringComparison.Ordinal)
                || assembly is "mscorlib" or "netstandard")
            {
                return false;
            }

            return !TypeLookup.IsOrInheritsFrom(type, _traits!);
        }
    }
}
