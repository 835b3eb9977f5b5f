using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TestSmells.Analyzers.Model;

/// <summary>The test frameworks the model recognises (several can be referenced at once).</summary>
[Flags]
internal enum TestFramework
{
    None = 0,
    XunitV2 = 1,
    XunitV3 = 2,
    NUnit = 4,
    MSTest = 8,
    TUnit = 16,
}

/// <summary>
/// The catalog of supported test frameworks: one entry each, and the unions the model resolves once
/// per compilation. A new framework is one entry here (and a flag of <see cref="TestFramework"/>).
/// </summary>
internal static class Frameworks
{
    private const string MSTestNamespace = "Microsoft.VisualStudio.TestTools.UnitTesting.";

    public static readonly FrameworkEntry XunitV2 = new()
    {
        Id = TestFramework.XunitV2,
        Name = "xUnit v2",
        // xunit.abstractions is v2 only; v3 defines Xunit.FactAttribute too.
        Markers = ImmutableArray.Create("Xunit.Abstractions.ITestOutputHelper", "Xunit.FactAttribute"),
        Assemblies = ImmutableArray.Create("xunit.core"),
        AssemblyPrefixes = ImmutableArray.Create("xunit"),
        RootNamespace = "Xunit",
        TestMethodAttributes = ImmutableArray.Create("Xunit.FactAttribute"),
        AssertTypes = ImmutableArray.Create("Xunit.Assert"),
        SkippableAttributes = ImmutableArray.Create("Xunit.FactAttribute", "Xunit.Sdk.DataAttribute"),
        SkipReasonProperties = ImmutableArray.Create("Skip"),
        DataRowAttributes = ImmutableArray.Create("Xunit.Sdk.DataAttribute"),
        OrderingAttributes = ImmutableArray.Create("Xunit.TestCaseOrdererAttribute", "Xunit.TestCollectionOrdererAttribute"),
        TraitAttributes = ImmutableArray.Create("Xunit.Sdk.ITraitAttribute"),
        OutputType = "Xunit.Abstractions.ITestOutputHelper",
    };

    public static readonly FrameworkEntry XunitV3 = XunitV2 with
    {
        Id = TestFramework.XunitV3,
        Name = "xUnit v3",
        Markers = ImmutableArray.Create("Xunit.v3.IFactAttribute"),
        Assemblies = ImmutableArray.Create("xunit.v3.core"),
        TestMethodAttributeInterfaces = ImmutableArray.Create("Xunit.v3.IFactAttribute"),
        SkippableAttributes = ImmutableArray.Create("Xunit.FactAttribute", "Xunit.v3.DataAttribute"),
        DataRowAttributes = ImmutableArray.Create("Xunit.v3.DataAttribute"),
        OrderingAttributes = XunitV2.OrderingAttributes.AddRange(
            "Xunit.TestClassOrdererAttribute", // class and method orderers: xUnit v3 4.x
            "Xunit.TestMethodOrdererAttribute",
            "Xunit.v3.ITestCaseOrdererAttribute",
            "Xunit.v3.ITestCollectionOrdererAttribute",
            "Xunit.v3.ITestClassOrdererAttribute",
            "Xunit.v3.ITestMethodOrdererAttribute"),
        TraitAttributes = ImmutableArray.Create("Xunit.v3.ITraitAttribute"),
        OutputType = "Xunit.TestContext",
        CaptureConsoleAttribute = "Xunit.CaptureConsoleAttribute",
    };

    public static readonly FrameworkEntry NUnit = new()
    {
        Id = TestFramework.NUnit,
        Name = "NUnit",
        Markers = ImmutableArray.Create("NUnit.Framework.TestAttribute"),
        Assemblies = ImmutableArray.Create("nunit.framework"),
        AssemblyPrefixes = ImmutableArray.Create("nunit"),
        RootNamespace = "NUnit",
        TestMethodAttributes = ImmutableArray.Create(
            "NUnit.Framework.TestAttribute",
            "NUnit.Framework.TestCaseAttribute",
            "NUnit.Framework.TestCaseSourceAttribute",
            "NUnit.Framework.TheoryAttribute"),
        TestMethodAttributeInterfaces = ImmutableArray.Create(
            "NUnit.Framework.Interfaces.ITestBuilder",
            "NUnit.Framework.Interfaces.ISimpleTestBuilder"),
        TestClassAttributes = ImmutableArray.Create("NUnit.Framework.TestFixtureAttribute"),
        AssertTypes = ImmutableArray.Create("NUnit.Framework.Assert", "NUnit.Framework.Legacy.ClassicAssert"),
        MoreAssertTypes = ImmutableArray.Create(
            "NUnit.Framework.CollectionAssert",
            "NUnit.Framework.StringAssert",
            "NUnit.Framework.FileAssert",
            "NUnit.Framework.DirectoryAssert",
            "NUnit.Framework.Legacy.CollectionAssert",
            "NUnit.Framework.Legacy.StringAssert",
            "NUnit.Framework.Legacy.FileAssert",
            "NUnit.Framework.Legacy.DirectoryAssert"),
        AsyncAssertType = "NUnit.Framework.Assert",
        IsConstraints = "NUnit.Framework.Is",
        ThrowsConstraints = "NUnit.Framework.Throws",
        TimeLimitAttributes = ImmutableArray.Create("NUnit.Framework.TimeoutAttribute", "NUnit.Framework.MaxTimeAttribute"),
        SkipAttributes = ImmutableArray.Create("NUnit.Framework.IgnoreAttribute"),
        SkippableAttributes = ImmutableArray.Create("NUnit.Framework.TestCaseAttribute", "NUnit.Framework.TestFixtureAttribute"),
        SkipReasonProperties = ImmutableArray.Create("IgnoreReason", "Ignore"),
        DataRowAttributes = ImmutableArray.Create("NUnit.Framework.TestCaseAttribute"),
        ExplicitAttributes = ImmutableArray.Create("NUnit.Framework.ExplicitAttribute"),
        SetUpAttributes = ImmutableArray.Create("NUnit.Framework.SetUpAttribute"),
        TearDownAttributes = ImmutableArray.Create("NUnit.Framework.TearDownAttribute"),
        OnceSetUpAttributes = ImmutableArray.Create("NUnit.Framework.OneTimeSetUpAttribute"),
        OnceTearDownAttributes = ImmutableArray.Create("NUnit.Framework.OneTimeTearDownAttribute"),
        OrderingAttributes = ImmutableArray.Create("NUnit.Framework.OrderAttribute"),
        TraitAttributes = ImmutableArray.Create("NUnit.Framework.PropertyAttribute"),
    };

    public static readonly FrameworkEntry MSTest = new()
    {
        Id = TestFramework.MSTest,
        Name = "MSTest",
        Markers = ImmutableArray.Create(MSTestNamespace + "TestMethodAttribute"),
        // MSTest 3 ships its attributes in Microsoft.VisualStudio.TestPlatform.TestFramework, MSTest 4 in MSTest.TestFramework.
        Assemblies = ImmutableArray.Create("Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework"),
        AssemblyPrefixes = ImmutableArray.Create("MSTest", "Microsoft.VisualStudio.TestPlatform"),
        RootNamespace = "Microsoft.VisualStudio.TestTools",
        TestMethodAttributes = ImmutableArray.Create(MSTestNamespace + "TestMethodAttribute"),
        TestClassAttributes = ImmutableArray.Create(MSTestNamespace + "TestClassAttribute"),
        AssertTypes = ImmutableArray.Create(MSTestNamespace + "Assert"),
        MoreAssertTypes = ImmutableArray.Create(MSTestNamespace + "CollectionAssert", MSTestNamespace + "StringAssert"),
        AsyncAssertType = MSTestNamespace + "Assert",
        ExpectedExceptionAttribute = MSTestNamespace + "ExpectedExceptionAttribute",
        TimeLimitAttributes = ImmutableArray.Create(MSTestNamespace + "TimeoutAttribute"),
        SkipAttributes = ImmutableArray.Create(MSTestNamespace + "IgnoreAttribute"),
        SkipReasonProperties = ImmutableArray.Create("IgnoreMessage"),
        SetUpAttributes = ImmutableArray.Create(MSTestNamespace + "TestInitializeAttribute"),
        TearDownAttributes = ImmutableArray.Create(MSTestNamespace + "TestCleanupAttribute"),
        OnceSetUpAttributes = ImmutableArray.Create(MSTestNamespace + "ClassInitializeAttribute", MSTestNamespace + "AssemblyInitializeAttribute"),
        OnceTearDownAttributes = ImmutableArray.Create(MSTestNamespace + "ClassCleanupAttribute", MSTestNamespace + "AssemblyCleanupAttribute"),
        TraitAttributes = ImmutableArray.Create(MSTestNamespace + "TestPropertyAttribute", MSTestNamespace + "TestCategoryBaseAttribute"),
    };

    public static readonly FrameworkEntry TUnit = new()
    {
        Id = TestFramework.TUnit,
        Name = "TUnit",
        Markers = ImmutableArray.Create("TUnit.Core.TestAttribute"),
        Assemblies = ImmutableArray.Create("TUnit.Core"),
        AssemblyPrefixes = ImmutableArray.Create("TUnit"),
        RootNamespace = "TUnit",
        TestMethodAttributes = ImmutableArray.Create("TUnit.Core.TestAttribute"),
        AssertTypes = ImmutableArray.Create("TUnit.Assertions.Assert"),
        AssertsWhenAwaited = true,
        AssertionAssembly = "TUnit.Assertions",
        TimeLimitAttributes = ImmutableArray.Create("TUnit.Core.TimeoutAttribute"),
        // Matched exactly: its subclasses are conditional skips, whose condition is the reason.
        SkipAttributes = ImmutableArray.Create("TUnit.Core.SkipAttribute"),
        ConditionalSkipAttributes = ImmutableArray.Create("TUnit.Core.SkipAttribute"),
        ExplicitAttributes = ImmutableArray.Create("TUnit.Core.ExplicitAttribute"),
        BeforeHookAttributes = ImmutableArray.Create("TUnit.Core.BeforeAttribute", "TUnit.Core.BeforeEveryAttribute"),
        AfterHookAttributes = ImmutableArray.Create("TUnit.Core.AfterAttribute", "TUnit.Core.AfterEveryAttribute"),
        OrderingAttributes = ImmutableArray.Create("TUnit.Core.DependsOnAttribute", "TUnit.Core.DependsOnAttribute`1"),
        NotInParallelAttribute = "TUnit.Core.NotInParallelAttribute",
    };

    /// <summary>Every framework, in the order of <see cref="TestFramework"/>.</summary>
    public static readonly ImmutableArray<FrameworkEntry> All = ImmutableArray.Create(XunitV2, XunitV3, NUnit, MSTest, TUnit);

    /// <summary>Both xUnit versions (rules that treat them alike ask for either flag).</summary>
    public const TestFramework Xunit = TestFramework.XunitV2 | TestFramework.XunitV3;

    public static readonly string[] TestMethodAttributes = Union(f => f.TestMethodAttributes);

    public static readonly string[] TestMethodAttributeInterfaces = Union(f => f.TestMethodAttributeInterfaces);

    public static readonly string[] TestClassAttributes = Union(f => f.TestClassAttributes);

    public static readonly string[] TimeLimitAttributes = Union(f => f.TimeLimitAttributes);

    public static readonly string[] DataRowAttributes = Union(f => f.DataRowAttributes);

    public static readonly string[] OrderingAttributes = Union(f => f.OrderingAttributes);

    public static readonly string[] TraitAttributes = Union(f => f.TraitAttributes);

    /// <summary>Named arguments that hold a skip reason, every framework's, in catalog order.</summary>
    public static readonly string[] SkipReasonProperties = Union(f => f.SkipReasonProperties);

    /// <summary>Simple names of the frameworks' own assertion classes (<c>Assert</c>, <c>ClassicAssert</c>).</summary>
    public static readonly ImmutableHashSet<string> AssertTypeNames = ImmutableHashSet.CreateRange(
        StringComparer.Ordinal, Array.ConvertAll(Union(f => f.AssertTypes), SimpleName));

    private static readonly Dictionary<string, FrameworkEntry> ByAssembly = CatalogIndex.ByAssembly(All, f => f.Assemblies);

    /// <summary>The framework whose test attributes <paramref name="assemblyName"/> defines, if any.</summary>
    public static FrameworkEntry? OfAssembly(string? assemblyName)
        => assemblyName is not null && ByAssembly.TryGetValue(assemblyName, out var entry) ? entry : null;

    /// <summary>The first framework (in catalog order) whose <see cref="FrameworkEntry.AssertTypes"/> holds <paramref name="metadataName"/>.</summary>
    public static FrameworkEntry? OfAssertType(string? metadataName)
    {
        foreach (var entry in All)
        {
            if (entry.AssertTypes.Contains(metadataName!))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>True for an assembly of any supported framework (see <see cref="FrameworkEntry.AssemblyPrefixes"/>).</summary>
    public static bool OwnsAssembly(string? assemblyName)
    {
        foreach (var entry in All)
        {
            if (entry.OwnsAssembly(assemblyName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names <paramref name="select"/> gives, every framework's, without repeats, in catalog order.</summary>
    public static string[] Union(Func<FrameworkEntry, ImmutableArray<string>> select) => CatalogIndex.Union(All, select);

    /// <summary>The type name without namespace (<c>ClassicAssert</c> for <c>NUnit.Framework.Legacy.ClassicAssert</c>).</summary>
    public static string SimpleName(string metadataName) => metadataName.Substring(metadataName.LastIndexOf('.') + 1);
}
