using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// The catalog of assertion, mocking and test-data libraries the rules know: one entry each. A new
/// library with the API of a known one is one entry here; a new API is an entry and the rules' cases.
/// </summary>
internal static class Libraries
{
    public static readonly LibraryEntry FluentAssertions = Library("FluentAssertions", LibraryKind.Assertions, LibraryApi.FluentAssertions);

    /// <summary>The community fork of FluentAssertions 7: the same API.</summary>
    public static readonly LibraryEntry AwesomeAssertions = Library("AwesomeAssertions", LibraryKind.Assertions, LibraryApi.FluentAssertions);

    public static readonly LibraryEntry Shouldly = Library("Shouldly", LibraryKind.Assertions, LibraryApi.Shouldly);

    public static readonly LibraryEntry NFluent = Library("NFluent", LibraryKind.Assertions, LibraryApi.NFluent, classifiedExactly: false) with
    {
        AssertTypes = ImmutableArray.Create("NFluent.Check"),
    };

    public static readonly LibraryEntry Moq = Library("Moq", LibraryKind.Mocking, LibraryApi.Moq) with
    {
        DoubleTypes = ImmutableArray.Create("Moq.Mock`1"),
        FactoryTypes = ImmutableArray.Create("Moq.Mock"),
        RepositoryTypes = ImmutableArray.Create("Moq.MockRepository", "Moq.MockFactory"),
    };

    public static readonly LibraryEntry NSubstitute = Library("NSubstitute", LibraryKind.Mocking, LibraryApi.NSubstitute) with
    {
        FactoryTypes = ImmutableArray.Create("NSubstitute.Substitute"),
    };

    public static readonly LibraryEntry FakeItEasy = Library("FakeItEasy", LibraryKind.Mocking, LibraryApi.FakeItEasy) with
    {
        DoubleTypes = ImmutableArray.Create("FakeItEasy.Fake`1"),
        FactoryTypes = ImmutableArray.Create("FakeItEasy.A"),
    };

    /// <summary>IQueryable and DbSet doubles built on Moq, NSubstitute or FakeItEasy (one assembly per flavour).</summary>
    public static readonly LibraryEntry MockQueryable = new()
    {
        Name = "MockQueryable",
        Kind = LibraryKind.Mocking,
        Api = LibraryApi.MockQueryable,
        AssemblyPrefix = "MockQueryable",
    };

    public static readonly LibraryEntry AutoFixture = Library("AutoFixture", LibraryKind.TestData, LibraryApi.AutoFixture, classifiedExactly: false);

    public static readonly ImmutableArray<LibraryEntry> All = ImmutableArray.Create(
        FluentAssertions, AwesomeAssertions, Shouldly, NFluent, Moq, NSubstitute, FakeItEasy, MockQueryable, AutoFixture);

    public static readonly string[] AssertTypes = CatalogIndex.Union(All, static l => l.AssertTypes);

    private static readonly Dictionary<string, LibraryEntry> ByAssembly = CatalogIndex.ByAssembly(All, l => l.Assemblies);

    /// <summary>The library <paramref name="assemblyName"/> belongs to (exact assembly names; prefix families too).</summary>
    public static LibraryEntry? OfAssembly(string? assemblyName)
    {
        if (assemblyName is null)
        {
            return null;
        }

        if (ByAssembly.TryGetValue(assemblyName, out var entry))
        {
            return entry;
        }

        foreach (var candidate in All)
        {
            if (candidate.AssemblyPrefix is not null && assemblyName.StartsWith(candidate.AssemblyPrefix, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The API of the library <paramref name="assemblyName"/> belongs to, by exact assembly name (the hot path).</summary>
    public static LibraryApi ApiOf(string? assemblyName)
        => assemblyName is not null && ByAssembly.TryGetValue(assemblyName, out var entry) ? entry.Api : LibraryApi.None;

    /// <summary>A library of one assembly named like it.</summary>
    private static LibraryEntry Library(string name, LibraryKind kind, LibraryApi api, bool classifiedExactly = true) => new()
    {
        Name = name,
        Kind = kind,
        Api = api,
        Assemblies = ImmutableArray.Create(name),
        ClassifiedExactly = classifiedExactly,
    };
}
