using System;
using System.Collections.Immutable;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// What the analyzers know about one test framework: the metadata names of its types and the names
/// of its assemblies. Entries live in <see cref="Frameworks"/>; rules and fixers read names from
/// there and resolve them once per compilation (<see cref="TypeLookup"/>), never write them again.
/// A list a framework does not have stays empty.
/// </summary>
internal sealed record FrameworkEntry
{
    /// <summary>The flag of the framework in <see cref="TestCodeModel.Frameworks"/>.</summary>
    public TestFramework Id { get; init; }

    /// <summary>How messages name it (<c>xUnit v2</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Types that, all present, say that the compilation references the framework.</summary>
    public ImmutableArray<string> Markers { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The assemblies that define its test attributes (which framework runs a type's tests).</summary>
    public ImmutableArray<string> Assemblies { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Prefixes (any case) of every assembly the framework ships: core, assertions, extensions, analyzers.</summary>
    public ImmutableArray<string> AssemblyPrefixes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The outermost namespace of its types (<c>Xunit</c>, <c>Microsoft.VisualStudio.TestTools</c>).</summary>
    public string RootNamespace { get; init; } = string.Empty;

    /// <summary>Test-method attributes, matched with their subclasses (<c>[Theory]</c> derives from <c>[Fact]</c>).</summary>
    public ImmutableArray<string> TestMethodAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Interfaces whose implementations make a method a test (custom test attributes).</summary>
    public ImmutableArray<string> TestMethodAttributeInterfaces { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Attributes that make a class a test class before it has a test method.</summary>
    public ImmutableArray<string> TestClassAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The framework's own assertion class(es): <c>Assert.Fail</c>, <c>Assert.True</c>, <c>Assert.Throws</c>.</summary>
    public ImmutableArray<string> AssertTypes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Its other assertion classes (collection, string, file and directory asserts).</summary>
    public ImmutableArray<string> MoreAssertTypes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>True when an assertion of <see cref="AssertTypes"/> only runs when awaited (TUnit's chains).</summary>
    public bool AssertsWhenAwaited { get; init; }

    /// <summary>The assembly of its assertions when it is not one of <see cref="Assemblies"/> (<c>TUnit.Assertions</c>).</summary>
    public string? AssertionAssembly { get; init; }

    /// <summary>
    /// The assertion class whose <c>*Async</c> methods TST3005 checks for a missing <c>await</c>; null where
    /// the framework's own analyzer already reports it (xUnit, TUnit).
    /// </summary>
    public string? AsyncAssertType { get; init; }

    /// <summary>The constraint entry points of a constraint model (NUnit <c>Is</c>, <c>Throws</c>).</summary>
    public string? IsConstraints { get; init; }

    /// <inheritdoc cref="IsConstraints"/>
    public string? ThrowsConstraints { get; init; }

    /// <summary>An attribute that makes the expected exception the assertion (MSTest <c>[ExpectedException]</c>).</summary>
    public string? ExpectedExceptionAttribute { get; init; }

    /// <summary>Attributes whose time limit is the test's assertion (<c>[Timeout]</c>, <c>[MaxTime]</c>).</summary>
    public ImmutableArray<string> TimeLimitAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Attributes that skip their test whenever they are present (<c>[Ignore]</c>, <c>[Skip]</c>).</summary>
    public ImmutableArray<string> SkipAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Skip attributes whose subclasses skip on a condition (the condition is the reason).</summary>
    public ImmutableArray<string> ConditionalSkipAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Attributes that skip their test when one of <see cref="SkipReasonProperties"/> is set.</summary>
    public ImmutableArray<string> SkippableAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The named arguments that hold a skip reason, in the order they are read.</summary>
    public ImmutableArray<string> SkipReasonProperties { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Attributes of one data row of a test (skipping one of them does not skip the test).</summary>
    public ImmutableArray<string> DataRowAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Attributes that keep a test from running unless it is asked for by name.</summary>
    public ImmutableArray<string> ExplicitAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Set-up that runs before every test.</summary>
    public ImmutableArray<string> SetUpAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Teardown that runs after every test.</summary>
    public ImmutableArray<string> TearDownAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Set-up that runs once for a class or the assembly.</summary>
    public ImmutableArray<string> OnceSetUpAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Teardown that runs once for a class or the assembly.</summary>
    public ImmutableArray<string> OnceTearDownAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Set-up hooks whose argument says how often they run (TUnit <c>[Before(Test)]</c>, <c>[Before(Class)]</c>).</summary>
    public ImmutableArray<string> BeforeHookAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Teardown hooks whose argument says how often they run (TUnit <c>[After(...)]</c>).</summary>
    public ImmutableArray<string> AfterHookAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Attributes that order tests or make one depend on another.</summary>
    public ImmutableArray<string> OrderingAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>An attribute that keeps tests from running in parallel (its keys can order them).</summary>
    public string? NotInParallelAttribute { get; init; }

    /// <summary>Trait and category attributes (metadata, not order).</summary>
    public ImmutableArray<string> TraitAttributes { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Where a test writes its output (xUnit v2's injected helper, v3's ambient context).</summary>
    public string? OutputType { get; init; }

    /// <summary>The assembly attribute that turns per-test console capture on (xUnit v3).</summary>
    public string? CaptureConsoleAttribute { get; init; }

    /// <summary>True when <paramref name="assemblyName"/> is one of the framework's assemblies (by <see cref="AssemblyPrefixes"/>).</summary>
    public bool OwnsAssembly(string? assemblyName)
    {
        if (assemblyName is null)
        {
            return false;
        }

        foreach (var prefix in AssemblyPrefixes)
        {
            if (assemblyName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
