using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>Looks types up by metadata name, tolerating the same name in several assemblies.</summary>
/// <remarks>
/// A look-up walks the compilation's merged namespace tree (the one the compiler builds to bind
/// names anyway) down to the type's namespace, so a name whose namespace no reference declares costs
/// a dictionary miss; <see cref="Compilation.GetTypesByMetadataName"/> instead asks every referenced
/// assembly, which cost about 50 ms per test project of a real solution (150 to 250 references, the
/// rules' 200 names). Answers are cached per compilation and shared by the rules. References with an
/// extern alias are outside the merged tree and are not searched.
/// </remarks>
internal static class TypeLookup
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>> Cache = new();

    /// <summary>
    /// The type with this metadata name: the compilation's own if it declares one, otherwise the one
    /// from a referenced assembly. When several references define it, the first one that is visible
    /// from the compilation wins (xUnit v2 and v3 both define <c>Xunit.FactAttribute</c>, for instance).
    /// </summary>
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
        var all = All(compilation, metadataName);
        if (all.IsEmpty)
        {
            return null;
        }

        foreach (var candidate in all)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }
        }

        if (all.Length == 1 && all[0].DeclaredAccessibility == Accessibility.Public)
        {
            return all[0];
        }

        // Several definitions, or a non-public one: the compiler's own choice (it knows which are
        // visible), else the first public one.
        if (compilation.GetTypeByMetadataName(metadataName) is { } single)
        {
            return single;
        }

        foreach (var candidate in all)
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
            foreach (var type in All(compilation, name))
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>True when some assembly of the compilation (or its source) defines the type.</summary>
    public static bool Exists(Compilation compilation, string metadataName) => !All(compilation, metadataName).IsEmpty;

    /// <summary>Every type with this metadata name (<c>Ns.Type</c>, <c>Ns.Type`1</c>, <c>Ns.Outer+Inner</c>), cached per compilation.</summary>
    public static ImmutableArray<INamedTypeSymbol> All(Compilation compilation, string metadataName)
    {
        var cache = Cache.GetValue(compilation, static _ => new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(StringComparer.Ordinal));
        return cache.TryGetValue(metadataName, out var known) ? known : cache.GetOrAdd(metadataName, Search(compilation, metadataName));
    }

    private static ImmutableArray<INamedTypeSymbol> Search(Compilation compilation, string metadataName)
    {
        var nested = metadataName.IndexOf('+');
        var lastDot = metadataName.LastIndexOf('.', nested < 0 ? metadataName.Length - 1 : nested);
        INamespaceSymbol? ns = compilation.GlobalNamespace;
        var start = 0;
        while (ns is not null && start < lastDot)
        {
            var end = metadataName.IndexOf('.', start);
            var part = metadataName.Substring(start, end - start);
            INamespaceSymbol? next = null;
            foreach (var member in ns.GetMembers(part))
            {
                if (member is INamespaceSymbol candidate)
                {
                    next = candidate;
                    break;
                }
            }

            ns = next;
            start = end + 1;
        }

        if (ns is null)
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        var found = ImmutableArray.Create<INamespaceOrTypeSymbol>(ns);
        foreach (var typeName in metadataName.Substring(lastDot + 1).Split('+'))
        {
            var tick = typeName.IndexOf('`');
            var name = tick < 0 ? typeName : typeName.Substring(0, tick);
            var arity = tick < 0 || !int.TryParse(typeName.Substring(tick + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? 0 : parsed;
            var builder = ImmutableArray.CreateBuilder<INamespaceOrTypeSymbol>();
            foreach (var container in found)
            {
                foreach (var type in container.GetTypeMembers(name, arity))
                {
                    builder.Add(type);
                }
            }

            if (builder.Count == 0)
            {
                return ImmutableArray<INamedTypeSymbol>.Empty;
            }

            found = builder.ToImmutable();
        }

        var result = ImmutableArray.CreateBuilder<INamedTypeSymbol>(found.Length);
        foreach (var type in found)
        {
            result.Add((INamedTypeSymbol)type);
        }

        return result.MoveToImmutable();
    }

    /// <summary>True when <paramref name="type"/> is, derives from, or implements one of <paramref name="targets"/>.</summary>
    public static bool IsOrInheritsFrom(ITypeSymbol? type, ImmutableHashSet<INamedTypeSymbol> targets)
    {
        if (type is null || targets.IsEmpty)
        {
            return false;
        }

        // Asked for every attribute of every test by several rules, about a few dozen distinct types: the
        // answer per type is kept beside the set (a set lives as long as the compilation whose rules built it).
        var memo = Answers.GetValue(targets, static _ => new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default));
        var key = type.OriginalDefinition;
        return memo.TryGetValue(key, out var known) ? known : memo.GetOrAdd(key, Compute(key, targets));
    }

    private static readonly ConditionalWeakTable<ImmutableHashSet<INamedTypeSymbol>, ConcurrentDictionary<ITypeSymbol, bool>> Answers = new();

    private static bool Compute(ITypeSymbol type, ImmutableHashSet<INamedTypeSymbol> targets)
    {
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
