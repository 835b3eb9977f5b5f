using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>Looks types up by metadata name, tolerating the same name in several assemblies.</summary>
internal static class TypeLookup
{
    /// <summary>
    /// The type with this metadata name: the compilation's own if it declares one, otherwise the one
    /// from a referenced assembly. When several references define it, the first one that is visible
    /// from the compilation wins (xUnit v2 and v3 both define <c>Xunit.FactAttribute</c>, for instance).
    /// </summary>
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
        var single = compilation.GetTypeByMetadataName(metadataName);
        if (single is not null)
        {
            return single;
        }

        foreach (var candidate in compilation.GetTypesByMetadataName(metadataName))
        {
            if (candidate.DeclaredAccessibility == Accessibility.Public)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>All the types named, from every assembly that defines them.</summary>
    public static ImmutableHashSet<INamedTypeSymbol> FindAll(Compilation compilation, params string[] metadataNames)
        => FindAll(compilation, ImmutableArray.Create(metadataNames));

    /// <inheritdoc cref="FindAll(Compilation, string[])"/>
    public static ImmutableHashSet<INamedTypeSymbol> FindAll(Compilation compilation, ImmutableArray<string> metadataNames)
    {
        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in metadataNames)
        {
            foreach (var type in compilation.GetTypesByMetadataName(name))
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>True when <paramref name="type"/> is, derives from, or implements one of <paramref name="targets"/>.</summary>
    public static bool IsOrInheritsFrom(ITypeSymbol? type, ImmutableHashSet<INamedTypeSymbol> targets)
    {
        if (type is null || targets.IsEmpty)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition is INamedTypeSymbol named && targets.Contains(named))
            {
                return true;
            }
        }

        foreach (var iface in type.AllInterfaces)
        {
            if (targets.Contains(iface.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
