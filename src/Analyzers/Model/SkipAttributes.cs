using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// Reads the attributes that skip a test and the reason they give: xUnit <c>Skip = "..."</c> on a
/// fact, theory or data row; NUnit <c>[Ignore("...")]</c> and <c>Ignore</c>/<c>IgnoreReason</c> on
/// <c>[TestCase]</c>/<c>[TestFixture]</c>; MSTest <c>[Ignore]</c>/<c>[Ignore("...")]</c>
/// (<c>IgnoreMessage</c>); TUnit <c>[Skip("...")]</c>. Conditional skips (xUnit <c>SkipUnless</c>
/// without <c>Skip</c>, MSTest <c>[OSCondition]</c>, TUnit subclasses of <c>SkipAttribute</c>) are
/// not read: their condition is the reason.
/// </summary>
internal sealed class SkipAttributes
{
    private static readonly string[] XunitSkippable
        = Frameworks.Union(f => (f.Id & Frameworks.Xunit) != 0 ? f.SkippableAttributes : ImmutableArray<string>.Empty);

    private readonly ImmutableHashSet<INamedTypeSymbol> _xunitSkippable;
    private readonly ImmutableHashSet<INamedTypeSymbol> _nunitIgnore;
    private readonly ImmutableHashSet<INamedTypeSymbol> _nunitIgnorable;
    private readonly ImmutableHashSet<INamedTypeSymbol> _mstestIgnore;
    private readonly ImmutableHashSet<INamedTypeSymbol> _tunitSkip;
    private readonly ImmutableHashSet<INamedTypeSymbol> _dataRows;

    public SkipAttributes(Compilation compilation)
    {
        _xunitSkippable = TypeLookup.FindAll(compilation, XunitSkippable);
        _nunitIgnore = TypeLookup.FindAll(compilation, Frameworks.NUnit.SkipAttributes);
        _nunitIgnorable = TypeLookup.FindAll(compilation, Frameworks.NUnit.SkippableAttributes);
        _mstestIgnore = TypeLookup.FindAll(compilation, Frameworks.MSTest.SkipAttributes);
        _tunitSkip = TypeLookup.FindAll(compilation, Frameworks.TUnit.SkipAttributes);
        _dataRows = TypeLookup.FindAll(compilation, Frameworks.DataRowAttributes);
    }

    /// <summary>True when the compilation has none of the skip attributes.</summary>
    public bool IsEmpty => _xunitSkippable.IsEmpty && _nunitIgnore.IsEmpty && _nunitIgnorable.IsEmpty && _mstestIgnore.IsEmpty && _tunitSkip.IsEmpty;

    /// <summary>True when <paramref name="attribute"/> is xUnit's (<c>Skip = "..."</c> on a fact, theory or data row).</summary>
    public bool IsXunit(AttributeData attribute)
        => attribute.AttributeClass is { } type && TypeLookup.IsOrInheritsFrom(type, _xunitSkippable);

    /// <summary>
    /// True when <paramref name="attribute"/> skips the test it is on; <paramref name="reason"/> is
    /// the reason it gives (null when it gives none).
    /// </summary>
    public bool IsSkip(AttributeData attribute, out string? reason)
    {
        reason = null;
        var type = attribute.AttributeClass;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        if (TypeLookup.IsOrInheritsFrom(type, _xunitSkippable))
        {
            // Skip = null is the default: the test runs.
            return TryGetNamed(attribute, Frameworks.XunitV2.SkipReasonProperties[0], out reason) && reason is not null;
        }

        if (TypeLookup.IsOrInheritsFrom(type, _nunitIgnore))
        {
            reason = FirstStringArgument(attribute);
            return true;
        }

        if (TypeLookup.IsOrInheritsFrom(type, _nunitIgnorable))
        {
            // Setting either property marks the case or fixture as ignored.
            foreach (var property in Frameworks.NUnit.SkipReasonProperties)
            {
                if (TryGetNamed(attribute, property, out reason))
                {
                    return true;
                }
            }

            return false;
        }

        if (TypeLookup.IsOrInheritsFrom(type, _mstestIgnore))
        {
            reason = TryGetNamed(attribute, Frameworks.MSTest.SkipReasonProperties[0], out var message) ? message : FirstStringArgument(attribute);
            return true;
        }

        if (_tunitSkip.Contains(type.OriginalDefinition))
        {
            reason = FirstStringArgument(attribute);
            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="attribute"/> skips the whole test or class, not just one data row.</summary>
    public bool SkipsWholeTest(AttributeData attribute)
        => IsSkip(attribute, out _) && !TypeLookup.IsOrInheritsFrom(attribute.AttributeClass, _dataRows);

    private static bool TryGetNamed(AttributeData attribute, string name, out string? value)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Primitive)
            {
                value = argument.Value.Value as string;
                return true;
            }
        }

        value = null;
        return false;
    }

    private static string? FirstStringArgument(AttributeData attribute)
        => attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Primitive
            ? attribute.ConstructorArguments[0].Value as string
            : null;
}
