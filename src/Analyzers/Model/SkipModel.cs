using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// "Is this test kept from running by default?" for every supported framework: the skip attributes
/// that <see cref="SkipAttributes"/> reads (xUnit <c>Skip =</c>, NUnit <c>[Ignore]</c>, MSTest
/// <c>[Ignore]</c>, TUnit <c>[Skip]</c> and its conditional subclasses), plus the explicit-only
/// markers (xUnit v3 <c>Explicit = true</c>, NUnit and TUnit <c>[Explicit]</c>). Class-level markers
/// count for every test of the class and of nested classes. Skips of one data row (xUnit
/// <c>[InlineData(Skip = ...)]</c>, NUnit <c>[TestCase(Ignore = ...)]</c>) and run-time skips
/// (<c>Assert.Skip</c>, <c>Skip.Test</c>) do not skip the whole test.
/// </summary>
internal sealed class SkipModel
{
    private static readonly string[] ConditionalOrExplicit = Frameworks.Union(f => f.ExplicitAttributes.AddRange(f.ConditionalSkipAttributes));

    private readonly SkipAttributes _skips;
    private readonly ImmutableHashSet<INamedTypeSymbol> _xunitFact;
    private readonly ImmutableHashSet<INamedTypeSymbol> _conditionalOrExplicit;

    public SkipModel(Compilation compilation)
    {
        _skips = new SkipAttributes(compilation);
        _xunitFact = TypeLookup.FindAll(compilation, Frameworks.XunitV3.TestMethodAttributes);
        _conditionalOrExplicit = TypeLookup.FindAll(compilation, ConditionalOrExplicit);
        HasSkipAttributes = !_skips.IsEmpty || !_conditionalOrExplicit.IsEmpty;
    }

    /// <summary>False when no framework with skip attributes is referenced.</summary>
    public bool HasSkipAttributes { get; }

    /// <summary>True when <paramref name="method"/> (or a type that contains it) is marked to not run by default.</summary>
    public bool IsSkipped(IMethodSymbol method)
    {
        if (!HasSkipAttributes)
        {
            return false;
        }

        if (IsMarked(method, isMethod: true))
        {
            return true;
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsMarked(type, isMethod: false))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsMarked(ISymbol symbol, bool isMethod)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is null)
            {
                continue;
            }

            if (_skips.SkipsWholeTest(attribute)
                || TypeLookup.IsOrInheritsFrom(attribute.AttributeClass, _conditionalOrExplicit)
                || isMethod && IsXunitExplicit(attribute))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsXunitExplicit(AttributeData attribute)
    {
        if (!TypeLookup.IsOrInheritsFrom(attribute.AttributeClass, _xunitFact))
        {
            return false;
        }

        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Explicit" && named.Value.Value is true)
            {
                return true;
            }
        }

        return false;
    }
}
