using System.Threading.Tasks;
using TestSmells.Analyzers.CodeFixes.Isolation;
using TestSmells.Analyzers.Isolation;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Isolation;

public class InvariantCultureCodeFixTests
{
    private static string Equal(Flavor flavor, string expected, string actual) => flavor switch
    {
        Flavor.XunitV2 or Flavor.XunitV3 => $"Assert.Equal({expected}, {actual});",
        Flavor.NUnit3 or Flavor.NUnit4 => $"Assert.That({actual}, Is.EqualTo({expected}));",
        Flavor.MSTest3 or Flavor.MSTest4 => $"Assert.AreEqual({expected}, {actual});",
        _ => $"await Assert.That({actual}).IsEqualTo({expected});",
    };

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task ToString_and_Parse_get_the_invariant_culture_and_the_using(Flavor flavor)
        => VerifyFix<CultureDependenceAnalyzer, InvariantCultureCodeFix>.CodeFixAsync(
            TestSource.Class(flavor, $$"""
                    [Test]
                    {{Asserting.Signature(flavor, "Total_is_printed")}}
                    {
                        var total = 12.5m;
                        {{Equal(flavor, "\"12.50\"", "{|TST4007:total.ToString(\"F2\")|}")}}
                        {{Equal(flavor, "{|TST4007:decimal.Parse(\"12.5\")|}", "total")}}
                        {{Equal(flavor, "\"12.5\"", "{|TST4007:total.ToString()|}")}}
                    }
                """, Asserting.Usings(flavor)),
            TestSource.Class(flavor, $$"""
                    [Test]
                    {{Asserting.Signature(flavor, "Total_is_printed")}}
                    {
                        var total = 12.5m;
                        {{Equal(flavor, "\"12.50\"", "total.ToString(\"F2\", CultureInfo.InvariantCulture)")}}
                        {{Equal(flavor, "decimal.Parse(\"12.5\", CultureInfo.InvariantCulture)", "total")}}
                        {{Equal(flavor, "\"12.5\"", "total.ToString(CultureInfo.InvariantCulture)")}}
                    }
                """, Asserting.Usings(flavor)).Replace("using System;\n", "using System;\nusing System.Globalization;\n"),
            flavor,
            equivalenceKey: InvariantCultureCodeFix.EquivalenceKey);

    [Fact]
    public Task Interpolations_formats_and_time_zones_get_no_fix()
        => VerifyFix<CultureDependenceAnalyzer, InvariantCultureCodeFix>.NoFixAsync(
            TestSource.Test(Flavor.XunitV2, """
                var price = 1234.5;
                var utc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                Assert.Equal("Total: 1234.5", {|TST4007:$"Total: {price}"|});
                Assert.Equal("Total: 1,234.50", {|TST4007:string.Format("Total: {0:N2}", price)|});
                Assert.Equal(1, {|TST4007:utc.ToLocalTime()|}.Hour);
                Assert.Equal("1234.5", {|TST4007:price.ToString(format: "G")|});
                """),
            Flavor.XunitV2);
}
