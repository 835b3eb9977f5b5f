namespace TestSmells.Analyzers.Tests.Infrastructure;

/// <summary>
/// One real assertion in each framework's idiom, so that the code a fix produces is a complete,
/// honest test (the "fixed code is clean" check runs every analyzer, the assertion rules included).
/// </summary>
public static class Asserting
{
    /// <summary>Usings the assertion needs on top of <see cref="TestSource.Usings"/>.</summary>
    public static string Usings(Flavor flavor)
        => flavor == Flavor.TUnit ? "using TUnit.Assertions;\nusing TUnit.Assertions.Extensions;" : string.Empty;

    /// <summary>A statement asserting that <paramref name="condition"/> holds.</summary>
    public static string IsTrue(Flavor flavor, string condition) => flavor switch
    {
        Flavor.XunitV2 or Flavor.XunitV3 => $"Assert.True({condition});",
        Flavor.NUnit3 or Flavor.NUnit4 => $"Assert.That({condition}, Is.True);",
        Flavor.MSTest3 or Flavor.MSTest4 => $"Assert.IsTrue({condition});",
        _ => $"await Assert.That({condition}).IsTrue();",
    };

    /// <summary>The signature of a test method named <paramref name="name"/> that may hold the assertion.</summary>
    public static string Signature(Flavor flavor, string name)
        => flavor == Flavor.TUnit ? $"public async Task {name}()" : $"public void {name}()";
}
