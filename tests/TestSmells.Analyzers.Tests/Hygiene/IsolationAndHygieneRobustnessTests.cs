using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Hygiene;

/// <summary>
/// The Isolation and Hygiene rules over half-typed attributes, fields, random and console calls:
/// no analyzer may throw (AllAnalyzers.RunAsync fails on any AD0001), whatever the framework.
/// </summary>
public class IsolationAndHygieneRobustnessTests
{
    private const string HalfTyped = """
        using System;
        using System.Collections.Generic;
        using Xunit;

        [TestCaseOrderer(]
        [Order(
        public class HalfTypedTests
        {
            private static readonly List<int> Items = new(;
            private static int _count
            public static string Name { get; set }
            private static readonly int[] Slots = { 1, ;
            private static UnknownType _unknown;

            [Fact(Skip = )]
            [Ignore(]
            [Skip(
            public void Unfinished()
            {
                Items.Add(
                Items[ = 3;
                Slots[0] =
                _count +=
                _unknown.Add(1);
                var r = new Random(;
                var s = Random.Shared.
                Console.WriteLine(
                Console.Out.Write(UnknownValue);
                Console.
            }

            [Fact(Skip = null, Skip = "")]
            [DependsOn(nameof()]
            [NotInParallel(Order = )]
            [MemberData(nameof(]
            public void Broken(int x)
        }
        """;

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public async Task Half_typed_isolation_and_hygiene_code_never_crashes_an_analyzer(Flavor flavor)
    {
        var source = HalfTyped.Replace("using Xunit;", TestSource.Usings(flavor)).Replace("[Fact", "[" + TestSource.TestAttribute(flavor));
        var compilation = await AllAnalyzers.CompileAsync(flavor, Libs.None, source);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        await AllAnalyzers.RunAsync(compilation, "test_smells.skip_reason_pattern = ([unclosed");
        await AllAnalyzers.RunAsync(compilation, "test_smells.skip_reason_pattern = ^(a+)+$");
    }

    [Fact]
    public async Task Every_prefix_of_a_smelly_class_is_analyzed_without_exceptions()
    {
        var source = TestSource.Class(Flavor.XunitV3, """
                private static readonly List<string> Sent = new();
                private static int _runs;
                public static string? Last { get; set; }

                [Fact(Skip = "")]
                public void Sends()
                {
                    _runs++;
                    Sent.Add(new Random().Next().ToString() + Random.Shared.Next());
                    Console.WriteLine("sent {0}", Sent.Count);
                    Assert.Single(Sent);
                }
            """, "using System.Collections.Generic;");
        for (var cut = 1; cut < source.Length; cut += 23)
        {
            var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV3, Libs.None, source[..cut]);
            await AllAnalyzers.RunAsync(compilation, "test_smells.skip_reason_pattern = issues/\\d+");
        }

        // The whole file is analyzed, and every rule of this area finds its smell in it.
        var whole = await AllAnalyzers.RunAsync(await AllAnalyzers.CompileAsync(Flavor.XunitV3, Libs.None, source));
        var ids = whole.Select(d => d.Id).ToHashSet();
        Assert.Superset(new System.Collections.Generic.HashSet<string> { "TST4001", "TST4003", "TST5001", "TST5002" }, ids);
    }

    [Theory]
    [InlineData("[Test, Ignore(\"\")] /*/")]
    [InlineData("[Test, Ignore(\"\")] /* never closed")]
    [InlineData("[Test, Ignore(\"\" /*/)]")]
    [InlineData("//\n[Test, Ignore(\"\")] //")]
    [InlineData("[Test, Ignore(\"\")]\npublic void M() { /*")]
    [InlineData("[Test, Ignore(\"\")]\npublic void M() { /*/")]
    public async Task Odd_comments_next_to_a_skip_never_crash_the_skip_analyzer(string tail)
    {
        var source = "using NUnit.Framework;\npublic class CheckoutTests\n{\n" + tail;
        var compilation = await AllAnalyzers.CompileAsync(Flavor.NUnit4, Libs.None, source);

        await AllAnalyzers.RunAsync(compilation);
    }
}
