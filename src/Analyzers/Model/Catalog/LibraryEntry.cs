using System;
using System.Collections.Immutable;

namespace TestSmells.Analyzers.Model;

/// <summary>What a library is for, as far as the rules care.</summary>
internal enum LibraryKind
{
    Assertions,
    Mocking,
    TestData,
}

/// <summary>
/// The API a library speaks: rules switch on it, so a fork with the same API (AwesomeAssertions of
/// FluentAssertions) is one more entry in <see cref="Libraries"/>, not one more case in every rule.
/// </summary>
internal enum LibraryApi
{
    None,
    FluentAssertions,
    Shouldly,
    NFluent,
    Moq,
    NSubstitute,
    FakeItEasy,
    MockQueryable,
    AutoFixture,
}

/// <summary>
/// What the analyzers know about one assertion, mocking or test-data library: its assemblies and the
/// metadata names of its entry types. Entries live in <see cref="Libraries"/>.
/// </summary>
internal sealed record LibraryEntry
{
    public string Name { get; init; } = string.Empty;

    public LibraryKind Kind { get; init; }

    public LibraryApi Api { get; init; }

    /// <summary>Its assembly names (exact).</summary>
    public ImmutableArray<string> Assemblies { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>A prefix shared by a family of assemblies (<c>MockQueryable.Moq</c>, <c>MockQueryable.NSubstitute</c>), if any.</summary>
    public string? AssemblyPrefix { get; init; }

    /// <summary>
    /// True when the assertion model classifies every call into the library exactly (so a method of it named
    /// <c>Assert*</c>, <c>Verify*</c> or <c>Should*</c> is not taken at its word: FluentAssertions' bare <c>Should()</c> asserts nothing).
    /// </summary>
    public bool ClassifiedExactly { get; init; }

    /// <summary>Static classes every call of which is an assertion (NFluent <c>Check</c>).</summary>
    public ImmutableArray<string> AssertTypes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Generic types whose construction creates a test double (<c>new Mock&lt;T&gt;()</c>, <c>new Fake&lt;T&gt;()</c>).</summary>
    public ImmutableArray<string> DoubleTypes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Static classes whose generic methods create test doubles (<c>Mock.Of</c>, <c>Substitute.For</c>, <c>A.Fake</c>).</summary>
    public ImmutableArray<string> FactoryTypes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Instance factories of test doubles (Moq <c>MockRepository</c>).</summary>
    public ImmutableArray<string> RepositoryTypes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>True when <paramref name="assemblyName"/> is one of the library's assemblies.</summary>
    public bool OwnsAssembly(string? assemblyName)
        => assemblyName is not null
            && (Assemblies.Contains(assemblyName)
                || AssemblyPrefix is not null && assemblyName.StartsWith(AssemblyPrefix, StringComparison.Ordinal));
}
