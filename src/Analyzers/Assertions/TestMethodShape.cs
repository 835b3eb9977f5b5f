using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TestSmells.Analyzers.Assertions;

/// <summary>Syntax facts about test methods shared by TST3001 and TST3004.</summary>
internal static class TestMethodShape
{
    /// <summary>
    /// True when the method has a block body without statements (comments and lone <c>;</c> do not
    /// count as statements). Expression-bodied, abstract, extern and partial-definition methods are never empty.
    /// </summary>
    public static bool HasEmptyBody(MethodDeclarationSyntax declaration)
    {
        if (declaration.Body is not { } body || declaration.ExpressionBody is not null)
        {
            return false;
        }

        foreach (var statement in body.Statements)
        {
            if (!statement.IsKind(SyntaxKind.EmptyStatement))
            {
                return false;
            }
        }

        return true;
    }

}
