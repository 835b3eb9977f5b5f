using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST4004 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Isolation.ProcessStateAnalyzer>;

namespace TestSmells.Analyzers.Tests.Isolation;

public class ProcessStateAnalyzerTests
{
    private static DiagnosticResult Info(int location, string what)
        => new DiagnosticResult("TST4004", DiagnosticSeverity.Info).WithLocation(location).WithArguments(what);

    private static string Teardown(Flavor flavor, string body) => flavor switch
    {
        Flavor.XunitV2 or Flavor.XunitV3 => $"public void Dispose() {{ {body} }}",
        Flavor.NUnit3 or Flavor.NUnit4 => $"[TearDown] public void Restore() {{ {body} }}",
        Flavor.MSTest3 or Flavor.MSTest4 => $"[TestCleanup] public void Restore() {{ {body} }}",
        _ => $"[After(HookType.Test)] public void Restore() {{ {body} }}",
    };

    private static string Class(Flavor flavor, string members)
    {
        var source = TestSource.Class(flavor, members, "using System.Globalization;\nusing System.IO;");
        return source.Contains("void Dispose()") ? source.Replace("public class OrderTests", "public class OrderTests : IDisposable") : source;
    }

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Changes_of_process_state_that_are_never_restored_are_reported(Flavor flavor)
        => VerifyTST4004.AnalyzerAsync(
            Class(flavor, $$"""
                    [Test]
                    public void Reads_the_configured_region()
                    {
                        {|#0:Environment.SetEnvironmentVariable("ORDERS_REGION", "eu")|};
                        {|#1:CultureInfo.DefaultThreadCurrentCulture = new CultureInfo("de-DE")|};
                        {|#2:CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture|};
                        {|#3:Environment.CurrentDirectory = Path.GetTempPath()|};
                        var dir = Path.GetTempPath();
                        {|#4:Directory.SetCurrentDirectory(dir)|};
                    }

                    {{Teardown(flavor, "GC.KeepAlive(this);")}}
                """),
            flavor,
            expected: new[]
            {
                Info(0, "Environment.SetEnvironmentVariable(\"ORDERS_REGION\", ...)"),
                Info(1, "Setting CultureInfo.DefaultThreadCurrentCulture"),
                Info(2, "Setting CultureInfo.DefaultThreadCurrentUICulture"),
                Info(3, "Setting Environment.CurrentDirectory"),
                Info(4, "Directory.SetCurrentDirectory"),
            });

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_restore_in_the_classes_teardown_is_a_restore(Flavor flavor)
        => VerifyTST4004.AnalyzerAsync(
            Class(flavor, $$"""
                    private readonly string _directory = Environment.CurrentDirectory;

                    [Test]
                    public void Reads_the_configured_region()
                    {
                        Environment.SetEnvironmentVariable("ORDERS_REGION", "eu");
                        CultureInfo.DefaultThreadCurrentCulture = new CultureInfo("de-DE");
                        Directory.SetCurrentDirectory(Path.GetTempPath());
                        {|#0:Environment.SetEnvironmentVariable("ORDERS_OTHER", "x")|};
                    }

                    {{Teardown(flavor, """
                        Environment.SetEnvironmentVariable("ORDERS_REGION", null);
                        CultureInfo.DefaultThreadCurrentCulture = null;
                        Environment.CurrentDirectory = _directory;
                    """)}}
                """),
            flavor,
            expected: new[] { Info(0, "Environment.SetEnvironmentVariable(\"ORDERS_OTHER\", ...)") });

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_restore_to_a_saved_value_in_the_same_test_is_a_restore(Flavor flavor)
        => VerifyTST4004.AnalyzerAsync(
            Class(flavor, """
                    [Test]
                    public void Reads_the_configured_region()
                    {
                        var previous = Environment.GetEnvironmentVariable("ORDERS_REGION");
                        var culture = CultureInfo.DefaultThreadCurrentCulture;
                        var directory = Environment.CurrentDirectory;
                        try
                        {
                            Environment.SetEnvironmentVariable("ORDERS_REGION", "eu");
                            CultureInfo.DefaultThreadCurrentCulture = new CultureInfo("de-DE");
                            Directory.SetCurrentDirectory(Path.GetTempPath());
                        }
                        finally
                        {
                            Environment.SetEnvironmentVariable("ORDERS_REGION", previous);
                            CultureInfo.DefaultThreadCurrentCulture = culture;
                            Environment.CurrentDirectory = directory;
                        }
                    }

                    [Test]
                    public void Clears_the_variable_at_the_end()
                    {
                        Environment.SetEnvironmentVariable("ORDERS_REGION", "eu");
                        Environment.SetEnvironmentVariable("ORDERS_REGION", null);
                    }
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_default_culture_set_back_to_the_culture_saved_from_CurrentCulture_is_a_restore(Flavor flavor)
        => VerifyTST4004.AnalyzerAsync(
            Class(flavor, """
                    [Test]
                    public void Parses_us_dates()
                    {
                        var currentCulture = CultureInfo.CurrentCulture;
                        var ui = Thread.CurrentThread.CurrentUICulture;
                        CultureInfo.DefaultThreadCurrentCulture = new CultureInfo("en-US");
                        CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo("en-US");
                        CultureInfo.DefaultThreadCurrentCulture = currentCulture;
                        CultureInfo.DefaultThreadCurrentUICulture = ui;
                    }
                """),
            flavor);

    [Fact]
    public Task A_default_culture_set_to_a_culture_built_by_the_test_is_still_a_change()
        => VerifyTST4004.AnalyzerAsync(
            Class(Flavor.MSTest4, """
                    [Test]
                    public void Parses_us_dates()
                    {
                        var us = new CultureInfo("en-US");
                        var other = CultureInfo.GetCultureInfo("de-DE");
                        {|#0:CultureInfo.DefaultThreadCurrentCulture = us|};
                        {|#1:CultureInfo.DefaultThreadCurrentCulture = other|};
                    }
                """),
            Flavor.MSTest4,
            expected: new[]
            {
                Info(0, "Setting CultureInfo.DefaultThreadCurrentCulture"),
                Info(1, "Setting CultureInfo.DefaultThreadCurrentCulture"),
            });

    [Fact]
    public Task A_second_set_to_another_literal_is_not_a_restore()
        => VerifyTST4004.AnalyzerAsync(
            Class(Flavor.NUnit4, """
                    [Test]
                    public void Reads_the_configured_region()
                    {
                        {|#0:Environment.SetEnvironmentVariable("ORDERS_REGION", "eu")|};
                        {|#1:Environment.SetEnvironmentVariable("ORDERS_REGION", "us")|};
                    }
                """),
            Flavor.NUnit4,
            expected: new[]
            {
                Info(0, "Environment.SetEnvironmentVariable(\"ORDERS_REGION\", ...)"),
                Info(1, "Environment.SetEnvironmentVariable(\"ORDERS_REGION\", ...)"),
            });

    [Fact]
    public Task Setup_without_teardown_is_reported_and_scope_objects_are_not()
        => VerifyTST4004.AnalyzerAsync(
            """
            using System;
            using NUnit.Framework;

            public sealed class EnvironmentScope : IDisposable
            {
                private readonly string _name;
                private readonly string? _previous;

                public EnvironmentScope(string name, string value)
                {
                    _name = name;
                    _previous = Environment.GetEnvironmentVariable(name);
                    Environment.SetEnvironmentVariable("ORDERS_REGION", value);
                }

                public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
            }

            public class OrderTests
            {
                [SetUp]
                public void Arrange() => {|#0:Environment.SetEnvironmentVariable("ORDERS_REGION", "eu")|};

                [Test]
                public void Reads_the_configured_region()
                {
                    using var scope = new EnvironmentScope("ORDERS_REGION", "eu");
                    var name = "ORDERS_" + "MODE";
                    Environment.SetEnvironmentVariable(name + scope.GetHashCode(), "x");
                }
            }
            """,
            Flavor.NUnit4,
            expected: new[] { Info(0, "Environment.SetEnvironmentVariable(\"ORDERS_REGION\", ...)") });

    [Fact]
    public Task Thread_culture_production_code_and_reads_are_not_reported()
        => VerifyTST4004.AnalyzerAsync(
            """
            using System;
            using System.Globalization;
            using System.Threading;
            using Xunit;

            public class Startup
            {
                public void Configure() => Environment.SetEnvironmentVariable("ORDERS_REGION", "eu");
            }

            public class OrderTests
            {
                [Fact]
                public void Formats_in_german()
                {
                    CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                    CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
                    Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
                    var region = Environment.GetEnvironmentVariable("ORDERS_REGION");
                    var directory = Environment.CurrentDirectory;
                    Assert.NotNull(directory + region);
                }
            }
            """,
            Flavor.XunitV3);

    [Fact]
    public Task Run_wide_setup_is_meant_for_every_test_and_class_setup_is_not()
        => VerifyTST4004.AnalyzerAsync(
            """
            using System;
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass]
            public class OrderTests
            {
                [AssemblyInitialize]
                public static void Everyone(TestContext context) => Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Testing");

                [ClassInitialize]
                public static void ThisClass(TestContext context) => {|#0:Environment.SetEnvironmentVariable("ORDERS_REGION", "eu")|};

                [TestMethod]
                public void Reads_the_region() => Assert.AreEqual("eu", Environment.GetEnvironmentVariable("ORDERS_REGION"));
            }
            """,
            Flavor.MSTest4,
            expected: new[] { Info(0, "Environment.SetEnvironmentVariable(\"ORDERS_REGION\", ...)") });

    [Fact]
    public Task TUnit_assembly_hooks_are_run_wide()
        => VerifyTST4004.AnalyzerAsync(
            """
            using System;
            using TUnit.Core;

            public class OrderTests
            {
                [Before(HookType.Assembly)]
                public static void Everyone() => Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Testing");

                [Before(HookType.Class)]
                public static void ThisClass() => {|#0:Environment.SetEnvironmentVariable("ORDERS_REGION", "eu")|};

                [Test]
                public void Reads_the_region() => GC.KeepAlive(Environment.GetEnvironmentVariable("ORDERS_REGION"));
            }
            """,
            Flavor.TUnit,
            expected: new[] { Info(0, "Environment.SetEnvironmentVariable(\"ORDERS_REGION\", ...)") });

    [Fact]
    public Task A_teardown_that_restores_through_a_helper_or_a_constant_name_is_a_restore()
        => VerifyTST4004.AnalyzerAsync(
            """
            using System;
            using System.Globalization;
            using NUnit.Framework;

            public class OrderTests
            {
                private const string Region = "ORDERS_REGION";

                [Test]
                public void Reads_the_region()
                {
                    Environment.SetEnvironmentVariable(Region, "eu");
                    CultureInfo.DefaultThreadCurrentCulture = new CultureInfo("de-DE");
                    {|#0:Environment.CurrentDirectory = "/tmp"|};
                }

                [TearDown]
                public void Restore()
                {
                    Environment.SetEnvironmentVariable(Region, null);
                    ResetCultures();
                }

                private void ResetCultures() => CultureInfo.DefaultThreadCurrentCulture = null;
            }
            """,
            Flavor.NUnit4,
            expected: new[] { Info(0, "Setting Environment.CurrentDirectory") });
}
