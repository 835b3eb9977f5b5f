using System.Threading.Tasks;
using TestSmells.Analyzers.CodeFixes.Isolation;
using TestSmells.Analyzers.Tests.Infrastructure;
using FixTST4004 = TestSmells.Analyzers.Tests.Infrastructure.VerifyFix<
    TestSmells.Analyzers.Isolation.ProcessStateAnalyzer,
    TestSmells.Analyzers.CodeFixes.Isolation.ProcessStateCodeFix>;

namespace TestSmells.Analyzers.Tests.Isolation;

public class ProcessStateCodeFixTests
{
    private const string Key = ProcessStateCodeFix.EquivalenceKey;

    private static string Class(Flavor flavor, string members)
        => TestSource.Class(flavor, members, "using System.Globalization;\nusing System.IO;\n" + Asserting.Usings(flavor));

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task The_rest_of_the_test_runs_in_a_try_whose_finally_restores_the_saved_value(Flavor flavor)
        => FixTST4004.CodeFixAsync(
            Class(flavor, $$"""
                    [Test]
                    {{Asserting.Signature(flavor, "Reads_the_configured_region")}}
                    {
                        var expected = "eu";
                        {|TST4004:Environment.SetEnvironmentVariable("ORDERS_REGION", expected)|};
                        {{Asserting.IsTrue(flavor, "Environment.GetEnvironmentVariable(\"ORDERS_REGION\") == expected")}}
                    }
                """),
            Class(flavor, $$"""
                    [Test]
                    {{Asserting.Signature(flavor, "Reads_the_configured_region")}}
                    {
                        var expected = "eu";
                        var previousValue = Environment.GetEnvironmentVariable("ORDERS_REGION");
                        Environment.SetEnvironmentVariable("ORDERS_REGION", expected);
                        try
                        {
                            {{Asserting.IsTrue(flavor, "Environment.GetEnvironmentVariable(\"ORDERS_REGION\") == expected")}}
                        }
                        finally
                        {
                            Environment.SetEnvironmentVariable("ORDERS_REGION", previousValue);
                        }
                    }
                """),
            flavor,
            equivalenceKey: Key);

    [Fact]
    public Task Fix_All_nests_one_try_per_change_and_names_each_saved_value()
        => FixTST4004.CodeFixAsync(
            Class(Flavor.NUnit4, """
                    [Test]
                    public void Formats_for_new_threads()
                    {
                        {|TST4004:CultureInfo.DefaultThreadCurrentCulture = new CultureInfo("de-DE")|};
                        {|TST4004:CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo("de-DE")|};
                        {|TST4004:Directory.SetCurrentDirectory(Path.GetTempPath())|};
                        Assert.That(Directory.GetCurrentDirectory(), Is.Not.Empty);
                    }
                """),
            Class(Flavor.NUnit4, """
                    [Test]
                    public void Formats_for_new_threads()
                    {
                        var previousCulture = CultureInfo.DefaultThreadCurrentCulture;
                        CultureInfo.DefaultThreadCurrentCulture = new CultureInfo("de-DE");
                        try
                        {
                            var previousUICulture = CultureInfo.DefaultThreadCurrentUICulture;
                            CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo("de-DE");
                            try
                            {
                                var previousDirectory = Directory.GetCurrentDirectory();
                                Directory.SetCurrentDirectory(Path.GetTempPath());
                                try
                                {
                                    Assert.That(Directory.GetCurrentDirectory(), Is.Not.Empty);
                                }
                                finally
                                {
                                    Directory.SetCurrentDirectory(previousDirectory);
                                }
                            }
                            finally
                            {
                                CultureInfo.DefaultThreadCurrentUICulture = previousUICulture;
                            }
                        }
                        finally
                        {
                            CultureInfo.DefaultThreadCurrentCulture = previousCulture;
                        }
                    }
                """),
            Flavor.NUnit4,
            equivalenceKey: Key);

    [Fact]
    public Task No_fix_for_a_last_statement_an_expression_body_or_a_rest_with_a_local_function()
        => FixTST4004.NoFixAsync(
            Class(Flavor.XunitV3, """
                    [Test]
                    public void Last()
                    {
                        Assert.NotNull(Environment.CurrentDirectory);
                        {|TST4004:Environment.SetEnvironmentVariable("ORDERS_REGION", "eu")|};
                    }

                    [Test]
                    public void Arrow() => {|TST4004:Environment.SetEnvironmentVariable("ORDERS_REGION", "eu")|};

                    [Test]
                    public void Local()
                    {
                        {|TST4004:Environment.SetEnvironmentVariable("ORDERS_REGION", "eu")|};
                        Assert.Equal("eu", Read());

                        static string? Read() => Environment.GetEnvironmentVariable("ORDERS_REGION");
                    }
                """),
            Flavor.XunitV3);
}
