using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Time;

/// <summary>Runs a Roslyn harness test set up by hand (several files, projects or reference sets); it fails through the harness.</summary>
internal static class Harness
{
    [AssertionMethod]
    public static Task VerifyAsync<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
        => test.RunAsync();

    /// <summary>An assertion that <paramref name="condition"/> holds, in the framework's idiom (TUnit's is awaited).</summary>
    public static string Check(Flavor flavor, string condition) => flavor switch
    {
        Flavor.XunitV2 or Flavor.XunitV3 => $"Assert.True({condition});",
        Flavor.NUnit3 or Flavor.NUnit4 => $"Assert.That({condition});",
        Flavor.MSTest3 or Flavor.MSTest4 => $"Assert.IsTrue({condition});",
        _ => $"await TUnit.Assertions.Assert.That({condition}).IsEqualTo(true);",
    };

    /// <summary>The usings <see cref="Check"/> needs beside the framework's own.</summary>
    public static string CheckUsings(Flavor flavor) => flavor == Flavor.TUnit ? "using TUnit.Assertions.Extensions;" : string.Empty;
}
