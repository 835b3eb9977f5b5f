using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TestSmells.Analyzers.Model;

/// <summary>Lookups built once over the entries of a catalog (<see cref="Frameworks"/>, <see cref="Libraries"/>).</summary>
internal static class CatalogIndex
{
    /// <summary>The names <paramref name="select"/> gives, every entry's, without repeats, in catalog order.</summary>
    public static string[] Union<T>(ImmutableArray<T> entries, Func<T, ImmutableArray<string>> select)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var entry in entries)
        {
            foreach (var name in select(entry))
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                }
            }
        }

        return names.ToArray();
    }

    /// <summary>The entry of each assembly name (exact, ordinal); a plain dictionary, read concurrently and never written after.</summary>
    public static Dictionary<string, T> ByAssembly<T>(ImmutableArray<T> entries, Func<T, ImmutableArray<string>> assemblies)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var assembly in assemblies(entry))
            {
                index[assembly] = entry;
            }
        }

        return index;
    }
}
