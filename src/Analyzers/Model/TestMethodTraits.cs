using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// Facts about a test method that decide whether "this test asserts nothing" can be said of it:
/// a skipped test does not run, and a test whose result the framework checks (NUnit
/// <c>ExpectedResult</c>) asserts through its return value. Built per compilation by the rules that
/// need it (framework types are looked up once).
/// </summary>
internal sealed class TestMethodTraits
{
    private readonly ImmutableHashSet<INamedTypeSymbol> _skipAttributes;
    private readonly ImmutableHashSet<INamedTypeSymbol> _xunitFact;

    public TestMethodTraits(Compilation compilation)
    {
        _skipAttributes = TypeLookup.FindAll(
            compilation,
            "NUnit.Framework.IgnoreAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.IgnoreAttribute",
            "TUnit.Core.SkipAttribute");
        _xunitFact = TypeLookup.FindAll(compilation, "Xunit.FactAttribute");
    }

    /// <summary>
    /// True when the test is skipped: NUnit or MSTest <c>[Ignore]</c> or TUnit <c>[Skip]</c> (on the
    /// method or its class), or an xUnit test attribute with a <c>Skip</c> reason.
    /// </summary>
    public bool IsSkipped(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (IsSkipAttribute(attribute))
            {
                return true;
            }
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (TypeLookup.IsOrInheritsFrom(attribute.AttributeClass, _skipAttributes))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when an attribute of the test (NUnit <c>[TestCase(..., ExpectedResult = x)]</c>, <c>[Test(ExpectedResult = x)]</c>) checks its return value.</summary>
    public static bool HasExpectedResult(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "ExpectedResult")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsSkipAttribute(AttributeData attribute)
    {
        var type = attribute.AttributeClass;
        if (type is null)
        {
            return false;
        }

        if (TypeLookup.IsOrInheritsFrom(type, _skipAttributes))
        {
            return true;
        }

        if (!_xunitFact.IsEmpty && TypeLookup.IsOrInheritsFrom(type, _xunitFact))
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Skip" && argument.Value.Value is string)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
