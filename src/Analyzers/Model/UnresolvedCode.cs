using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// Code whose test-ness cannot be decided because it does not bind: the rules about production code
/// (TST1004, TST1005) stay silent there rather than take a test whose framework reference is missing
/// for production code.
/// </summary>
internal static class UnresolvedCode
{
    /// <summary>
    /// True when <paramref name="member"/>, or a member or type that contains it, carries an attribute
    /// that does not resolve (<c>[Fact]</c> without xUnit referenced, for instance).
    /// </summary>
    public static bool HasUnresolvedAttribute(ISymbol? member)
    {
        for (var current = member; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is null or { TypeKind: TypeKind.Error })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
