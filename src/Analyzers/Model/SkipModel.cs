using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>How a test is kept from running by default.</summary>
internal enum SkipKind
{
    None,

    /// <summary>xUnit <c>[Fact(Skip = "...")]</c> / <c>[Theory(Skip = "...")]</c> (also with v3 <c>SkipWhen</c>/<c>SkipUnless</c>).</summary>
    XunitSkip,

    /// <summary>xUnit v3 <c>[Fact(Explicit = true)]</c>.</summary>
    XunitExplicit,

    /// <summary>NUnit <c>[Ignore("...")]</c> on the method or its fixture.</summary>
    NUnitIgnore,

    /// <summary>NUnit <c>[Explicit]</c> on the method or its fixture.</summary>
    NUnitExplicit,

    /// <summary>MSTest <c>[Ignore]</c> on the method or its class.</summary>
    MSTestIgnore,

    /// <summary>TUnit <c>[Skip("...")]</c> (or a subclass: conditional skips) on the method or its class.</summary>
    TUnitSkip,

    /// <summary>TUnit <c>[Explicit]</c> on the method or its class.</summary>
    TUnitExplicit,
}

/// <summary>A skip marker found on a test: what it is, the attribute that carries it, and its reason.</summary>
internal readonly struct SkipMarker
{
    public SkipMarker(SkipKind kind, AttributeData attribute, string? reason)
    {
        Kind = kind;
        Attribute = attribute;
        Reason = reason;
    }

    public SkipKind Kind { get; }

    /// <summary>The attribute that skips the test (on the method, or on a containing type).</summary>
    public AttributeData Attribute { get; }

    /// <summary>The reason the attribute gives, or null when it gives none.</summary>
    public string? Reason { get; }

    public bool IsSkipped => Kind != SkipKind.None;
}

/// <summary>
/// "Is this test skipped?" for every supported framework: xUnit <c>Skip =</c> (and v3 <c>Explicit = true</c>)
/// on <c>Fact</c>/<c>Theory</c> and attributes derived from them, NUnit <c>[Ignore]</c>/<c>[Explicit]</c>, MSTest
/// <c>[Ignore]</c>, TUnit <c>[Skip]</c>/<c>[Explicit]</c>; the class-level forms of NUnit, MSTest and TUnit
/// count for every test of the class (and of nested classes). Types are resolved once per compilation.
/// Not covered (they are decided at run time or per data row): xUnit v3 <c>Assert.Skip*</c>, TUnit
/// <c>Skip.Test</c>, NUnit <c>[TestCase(Ignore = "...")]</c> and xUnit v3 <c>[InlineData(Skip = "...")]</c>.
/// </summary>
internal sealed class SkipModel
{
    private readonly ImmutableHashSet<INamedTypeSymbol> _xunitFact;
    private readonly ImmutableHashSet<INamedTypeSymbol> _nunitIgnore;
    private readonly ImmutableHashSet<INamedTypeSymbol> _nunitExplicit;
    private readonly ImmutableHashSet<INamedTypeSymbol> _msTestIgnore;
    private readonly ImmutableHashSet<INamedTypeSymbol> _tunitSkip;
    private readonly ImmutableHashSet<INamedTypeSymbol> _tunitExplicit;

    public SkipModel(Compilation compilation)
    {
        _xunitFact = TypeLookup.FindAll(compilation, "Xunit.FactAttribute");
        _nunitIgnore = TypeLookup.FindAll(compilation, "NUnit.Framework.IgnoreAttribute");
        _nunitExplicit = TypeLookup.FindAll(compilation, "NUnit.Framework.ExplicitAttribute");
        _msTestIgnore = TypeLookup.FindAll(compilation, "Microsoft.VisualStudio.TestTools.UnitTesting.IgnoreAttribute");
        _tunitSkip = TypeLookup.FindAll(compilation, "TUnit.Core.SkipAttribute");
        _tunitExplicit = TypeLookup.FindAll(compilation, "TUnit.Core.ExplicitAttribute");
        HasSkipAttributes = !(_xunitFact.IsEmpty && _nunitIgnore.IsEmpty && _nunitExplicit.IsEmpty
            && _msTestIgnore.IsEmpty && _tunitSkip.IsEmpty && _tunitExplicit.IsEmpty);
    }

    /// <summary>False when no framework with skip attributes is referenced.</summary>
    public bool HasSkipAttributes { get; }

    /// <summary>True when <paramref name="method"/> (or a type that contains it) is marked to not run by default.</summary>
    public bool IsSkipped(IMethodSymbol method) => Find(method).IsSkipped;

    /// <summary>The first skip marker on <paramref name="method"/>, then on its containing types (innermost first).</summary>
    public SkipMarker Find(IMethodSymbol method)
    {
        if (!HasSkipAttributes)
        {
            return default;
        }

        var onMethod = FindOn(method, isMethod: true);
        if (onMethod.IsSkipped)
        {
            return onMethod;
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            var onType = FindOn(type, isMethod: false);
            if (onType.IsSkipped)
            {
                return onType;
            }
        }

        return default;
    }

    private SkipMarker FindOn(ISymbol symbol, bool isMethod)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null)
            {
                continue;
            }

            if (isMethod && TypeLookup.IsOrInheritsFrom(type, _xunitFact))
            {
                var marker = XunitMarker(attribute);
                if (marker.IsSkipped)
                {
                    return marker;
                }

                continue;
            }

            if (TypeLookup.IsOrInheritsFrom(type, _nunitIgnore))
            {
                return new SkipMarker(SkipKind.NUnitIgnore, attribute, FirstStringArgument(attribute));
            }

            if (TypeLookup.IsOrInheritsFrom(type, _nunitExplicit))
            {
                return new SkipMarker(SkipKind.NUnitExplicit, attribute, FirstStringArgument(attribute));
            }

            if (TypeLookup.IsOrInheritsFrom(type, _msTestIgnore))
            {
                return new SkipMarker(SkipKind.MSTestIgnore, attribute, FirstStringArgument(attribute) ?? NamedString(attribute, "IgnoreMessage"));
            }

            if (TypeLookup.IsOrInheritsFrom(type, _tunitSkip))
            {
                return new SkipMarker(SkipKind.TUnitSkip, attribute, FirstStringArgument(attribute));
            }

            if (TypeLookup.IsOrInheritsFrom(type, _tunitExplicit))
            {
                return new SkipMarker(SkipKind.TUnitExplicit, attribute, FirstStringArgument(attribute));
            }
        }

        return default;
    }

    private static SkipMarker XunitMarker(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Skip" when named.Value.Value is string reason:
                    return new SkipMarker(SkipKind.XunitSkip, attribute, reason);
                case "Explicit" when named.Value.Value is true:
                    return new SkipMarker(SkipKind.XunitExplicit, attribute, null);
            }
        }

        return default;
    }

    private static string? FirstStringArgument(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Primitive && argument.Value is string text)
            {
                return text;
            }
        }

        return null;
    }

    private static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Value is string text)
            {
                return text;
            }
        }

        return null;
    }
}
