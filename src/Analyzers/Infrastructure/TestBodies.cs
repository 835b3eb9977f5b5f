using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TestSmells.Analyzers.Infrastructure;

/// <summary>Helpers for rules that judge a whole test method (operation block actions).</summary>
internal static class TestBodies
{
    /// <summary>The body of a method among its operation blocks (parameter defaults and attributes excluded), or null.</summary>
    public static IOperation? Of(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            if (block is IMethodBodyOperation or IBlockOperation)
            {
                return block;
            }
        }

        return null;
    }

    /// <summary>The location of the method's name in the declaration that holds <paramref name="body"/>.</summary>
    public static Location NameLocation(IMethodSymbol method, IOperation body)
    {
        for (var node = body.Syntax; node is not null; node = node.Parent)
        {
            if (node is MethodDeclarationSyntax declaration)
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return method.Locations.IsEmpty ? body.Syntax.GetLocation() : method.Locations[0];
    }
}
