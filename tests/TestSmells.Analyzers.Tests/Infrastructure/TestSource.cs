using System.Collections.Generic;
using System.Linq;

namespace TestSmells.Analyzers.Tests.Infrastructure;

/// <summary>Writes one test class in the idiom of each framework, so a rule is checked on all of them.</summary>
public static class TestSource
{
    public static readonly Flavor[] AllFlavors = TestFlavors.All;

    /// <summary>Every flavour, as xUnit theory data.</summary>
    public static TheoryData<Flavor> Flavors()
    {
        var data = new TheoryData<Flavor>();
        foreach (var flavor in AllFlavors)
        {
            data.Add(flavor);
        }

        return data;
    }

    public static string Usings(Flavor flavor) => flavor switch
    {
        Flavor.XunitV2 or Flavor.XunitV3 => "using Xunit;",
        Flavor.NUnit3 or Flavor.NUnit4 => "using NUnit.Framework;",
        Flavor.MSTest3 or Flavor.MSTest4 => "using Microsoft.VisualStudio.TestTools.UnitTesting;",
        _ => "using TUnit.Core;",
    };

    /// <summary>The attribute that marks a test method, without brackets.</summary>
    public static string TestAttribute(Flavor flavor) => flavor switch
    {
        Flavor.XunitV2 or Flavor.XunitV3 => "Fact",
        Flavor.MSTest3 or Flavor.MSTest4 => "TestMethod",
        _ => "Test",
    };

    public static string ClassAttribute(Flavor flavor) => flavor switch
    {
        Flavor.MSTest3 or Flavor.MSTest4 => "[TestClass]\n",
        _ => string.Empty,
    };

    /// <summary>
    /// A file with one test class holding <paramref name="members"/>, where the token <c>[Test]</c>
    /// at the start of a line stands for the framework's test attribute.
    /// </summary>
    public static string Class(Flavor flavor, string members, string extraUsings = "")
    {
        var attribute = "[" + TestAttribute(flavor) + "]";
        var body = string.Join(
            "\n",
            members.Split('\n').Select(line => line.TrimStart().StartsWith("[Test]") ? line.Replace("[Test]", attribute) : line));
        return $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            {{Usings(flavor)}}
            {{extraUsings}}

            {{ClassAttribute(flavor)}}public class OrderTests
            {
            {{body}}
            }
            """;
    }

    /// <summary>A test class with one test method whose body is <paramref name="body"/>.</summary>
    public static string Test(Flavor flavor, string body, bool isAsync = false, string extraUsings = "")
    {
        var signature = isAsync || flavor == Flavor.TUnit && body.Contains("await ") ? "public async Task Works()" : "public void Works()";
        return Class(flavor, $$"""
                [Test]
                {{signature}}
                {
                    {{body}}
                }
            """, extraUsings);
    }

    public static IEnumerable<Flavor> Xunit => new[] { Flavor.XunitV2, Flavor.XunitV3 };
}
