using System;

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

/// <summary>Metadata names of the framework types the model resolves.</summary>
internal static class FrameworkNames
{
    // Test-method attributes, matched by inheritance (TheoryAttribute derives from FactAttribute,
    // DataTestMethodAttribute from TestMethodAttribute, and so on).
    public static readonly string[] TestMethodAttributes =
    {
        "Xunit.FactAttribute",
        "NUnit.Framework.TestAttribute",
        "NUnit.Framework.TestCaseAttribute",
        "NUnit.Framework.TestCaseSourceAttribute",
        "NUnit.Framework.TheoryAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
        "TUnit.Core.TestAttribute",
    };

    // Interfaces whose implementations make a method a test (custom attributes of xUnit v3 and NUnit).
    public static readonly string[] TestMethodAttributeInterfaces =
    {
        "Xunit.v3.IFactAttribute",
        "NUnit.Framework.Interfaces.ITestBuilder",
        "NUnit.Framework.Interfaces.ISimpleTestBuilder",
    };

    // Attributes that make a class a test class even before it has a test method.
    public static readonly string[] TestClassAttributes =
    {
        "NUnit.Framework.TestFixtureAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestClassAttribute",
    };

    public const string XunitV2Marker = "Xunit.Abstractions.ITestOutputHelper"; // xunit.abstractions: v2 only
    public const string XunitV3Marker = "Xunit.v3.IFactAttribute"; // xunit.v3.core only
    public const string NUnitMarker = "NUnit.Framework.TestAttribute";
    public const string MSTestMarker = "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute";
    public const string TUnitMarker = "TUnit.Core.TestAttribute";
}
