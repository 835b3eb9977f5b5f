using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TestSmells.Analyzers.CodeFixes.Infrastructure;

/// <summary>
/// Writes type names the way a person would: the short name, adding the <c>using</c> its namespace
/// needs, unless another type of that name is in scope (then the qualified name, and no <c>using</c>).
/// </summary>
internal static class Imports
{
    /// <summary>The name to write for <paramref name="type"/> at <paramref name="position"/>, and the namespace to import (null when none).</summary>
    public static (TypeSyntax Name, string? Namespace) NameFor(ITypeSymbol type, SemanticModel semanticModel, int position)
    {
        var minimal = type.ToMinimalDisplayString(semanticModel, position);
        var shortName = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (minimal == shortName || type.ContainingNamespace is not { IsGlobalNamespace: false } ns)
        {
            return (SyntaxFactory.ParseTypeName(minimal), null);
        }

        var clash = semanticModel.LookupNamespacesAndTypes(position, name: type.Name)
            .Any(s => !SymbolEqualityComparer.Default.Equals(s, type.OriginalDefinition));
        return clash
            ? (SyntaxFactory.ParseTypeName(minimal), null)
            : (SyntaxFactory.ParseTypeName(shortName), ns.ToDisplayString());
    }

    /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> unless the file has it, keeping <c>System</c> usings first and the rest sorted.</summary>
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root, string namespaceName)
    {
        if (root.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName))
        {
            return root;
        }

        var newLine = NewLine(root);
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName)).NormalizeWhitespace().WithTrailingTrivia(newLine);
        var index = 0;
        while (index < root.Usings.Count
            && (root.Usings[index].Alias is not null
                || !root.Usings[index].StaticKeyword.IsKind(SyntaxKind.None)
                || Compare(root.Usings[index].Name?.ToString() ?? string.Empty, namespaceName) < 0))
        {
            index++;
        }

        if (root.Usings.Count == 0)
        {
            // First using of the file: a blank line between it and the code.
            var first = root.ChildNodes().FirstOrDefault();
            var newRoot = first is null ? root : root.ReplaceNode(first, first.WithLeadingTrivia(first.GetLeadingTrivia().Insert(0, newLine)));
            return newRoot.WithUsings(SyntaxFactory.SingletonList(directive.WithTrailingTrivia(newLine)));
        }

        if (index == 0)
        {
            // Keep the file's leading trivia (a header comment) before the first directive.
            var oldFirst = root.Usings[0];
            directive = directive.WithLeadingTrivia(oldFirst.GetLeadingTrivia());
            var usings = root.Usings.Replace(oldFirst, oldFirst.WithLeadingTrivia(SyntaxTriviaList.Empty)).Insert(0, directive.WithTrailingTrivia(newLine));
            return root.WithUsings(usings);
        }

        return root.WithUsings(root.Usings.Insert(index, directive.WithTrailingTrivia(newLine)));
    }

    /// <summary>Adds every namespace of <paramref name="namespaces"/>.</summary>
    public static SyntaxNode AddUsings(SyntaxNode root, IEnumerable<string> namespaces)
    {
        if (root is not CompilationUnitSyntax unit)
        {
            return root;
        }

        foreach (var name in namespaces.Distinct(StringComparer.Ordinal))
        {
            unit = AddUsing(unit, name);
        }

        return unit;
    }

    /// <summary>The line break the file already uses.</summary>
    private static SyntaxTrivia NewLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.EndOfLine("\n");
    }

    private static int Compare(string left, string right)
    {
        var leftSystem = left == "System" || left.StartsWith("System.", StringComparison.Ordinal);
        var rightSystem = right == "System" || right.StartsWith("System.", StringComparison.Ordinal);
        if (leftSystem != rightSystem)
        {
            return leftSystem ? -1 : 1;
        }

        return string.CompareOrdinal(left, right);
    }
}
