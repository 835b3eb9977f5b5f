using System.Linq;
using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST3003 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Assertions.SwallowedExceptionAnalyzer>;

namespace TestSmells.Analyzers.Tests.Assertions;

public class SwallowedExceptionAnalyzerTests
{
    private const string Helpers = """

            private static void Act() => throw new InvalidOperationException("boom");
            private static Task ActAsync() => Task.FromException(new InvalidOperationException("boom"));
        """;

    private static string Test(Flavor flavor, string body, bool isAsync = false, string extraUsings = "")
        => TestSource.Class(flavor, $$"""
                [Test]
                public {{(isAsync ? "async Task" : "void")}} Works()
                {
                    {{body}}
                }
            {{Helpers}}
            """, extraUsings);

    private static string Fail(Flavor flavor) => flavor switch
    {
        Flavor.NUnit4 => "Assert.Fail(\"expected an exception\");",
        Flavor.TUnit => "TUnit.Assertions.Assert.Fail(\"expected an exception\");",
        _ => "Assert.Fail(\"expected an exception\");",
    };

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task An_empty_catch_is_reported(Flavor flavor)
        => VerifyTST3003.AnalyzerAsync(
            Test(flavor, """
                try
                {
                    Act();
                }
                {|TST3003:catch (InvalidOperationException)|}
                {
                }
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task The_try_fail_catch_idiom_is_a_suggestion_not_a_warning(Flavor flavor)
        => VerifyTST3003.AnalyzerAsync(
            Test(flavor, $$"""
                try
                {
                    Act();
                    {{Fail(flavor)}}
                }
                {|TST3006:catch (InvalidOperationException)|}
                {
                }
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Catching_a_null_reference_stays_a_warning_even_after_a_fail_call(Flavor flavor)
        => VerifyTST3003.AnalyzerAsync(
            Test(flavor, $$"""
                try
                {
                    Act();
                    {{Fail(flavor)}}
                }
                {|TST3003:catch (NullReferenceException)|}
                {
                }
                """),
            flavor);

    [Theory]
    [InlineData(Flavor.XunitV2, "Xunit.Sdk.XunitException")]
    [InlineData(Flavor.NUnit4, "NUnit.Framework.AssertionException")]
    [InlineData(Flavor.MSTest3, "Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException")]
    public Task Catching_the_frameworks_own_failure_stays_a_warning(Flavor flavor, string failure)
        => VerifyTST3003.AnalyzerAsync(
            Test(flavor, $$"""
                try
                {
                    Act();
                    {{Fail(flavor)}}
                }
                {|TST3003:catch ({{failure}})|}
                {
                }
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Best_effort_cleanup_in_finally_or_of_cleanup_calls_is_not_reported(Flavor flavor)
        => VerifyTST3003.AnalyzerAsync(
            Test(flavor, $$"""
                var path = System.IO.Path.GetTempFileName();
                try
                {
                    Act();
                    {{Fail(flavor)}}
                }
                {|TST3006:catch (InvalidOperationException)|}
                {
                }
                finally
                {
                    try
                    {
                        System.IO.File.Delete(path);
                    }
                    catch (Exception)
                    {
                    }
                }

                try
                {
                    System.IO.File.Delete(path);
                    System.IO.Directory.Delete(path + ".d", recursive: true);
                }
                catch (System.IO.IOException)
                {
                }
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Best_effort_schema_reset_of_a_database_test_is_not_reported_but_other_sql_is(Flavor flavor)
        => VerifyTST3003.AnalyzerAsync(
            Test(flavor, $$"""
                Execute("x", 0);
                try
                {
                    Execute("drop table #Users", 1);
                }
                catch
                {
                    // it may not exist yet
                }

                try { Execute("  CREATE TYPE dbo.Ids AS TABLE (Id int)", 2); } catch { }
                try { Execute("truncate table Orders", 3); } catch { }
                try
                {
                    Execute("select count(*) from Orders", 4);
                }
                {|TST3003:catch|}
                {
                }

                try
                {
                    Execute("dropped", 5);
                }
                {|TST3003:catch|}
                {
                }

                static int Execute(string sql, int step) => sql.Length + step;
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Best_effort_setup_before_the_act_is_not_reported(Flavor flavor)
        => VerifyTST3003.AnalyzerAsync(
            Test(flavor, $$"""
                try
                {
                    Optional();
                }
                catch (System.IO.FileNotFoundException)
                {
                    // the native library is missing on this agent
                }
                catch (TypeInitializationException)
                {
                }

                var total = 1 + 1;
                {{Check(flavor, "total == 2")}}
                }

                private static void Optional()
                {
                """, isAsync: flavor == Flavor.TUnit, extraUsings: flavor == Flavor.TUnit ? "using TUnit.Assertions.Extensions;" : ""),
            flavor);

    [Fact]
    public Task A_catch_around_the_act_followed_by_assertions_is_still_reported_when_it_is_not_setup()
        => VerifyTST3003.AnalyzerAsync(
            Test(Flavor.XunitV2, """
                var total = 0;
                try
                {
                    Act();
                }
                {|TST3003:catch (InvalidOperationException)|}
                {
                }

                Assert.Equal(0, total);

                try
                {
                    Act();
                }
                {|TST3003:catch (Exception)|}
                {
                }

                Assert.Equal(0, total);
                """),
            Flavor.XunitV2);

    private static string Check(Flavor flavor, string condition) => flavor switch
    {
        Flavor.XunitV2 or Flavor.XunitV3 => $"Assert.True({condition});",
        Flavor.NUnit3 or Flavor.NUnit4 => $"Assert.That({condition});",
        Flavor.MSTest3 or Flavor.MSTest4 => $"Assert.IsTrue({condition});",
        _ => $"await TUnit.Assertions.Assert.That({condition}).IsEqualTo(true);",
    };

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_catch_all_that_swallows_failed_assertions_is_reported(Flavor flavor)
        => VerifyTST3003.AnalyzerAsync(
            Test(flavor, $$"""
                try
                {
                    Act();
                    {{Fail(flavor)}}
                }
                {|TST3003:catch (Exception)|}
                {
                }

                try
                {
                    Act();
                }
                {|TST3003:catch|}
                {
                    // nothing to see here
                }
                """),
            flavor);

    [Theory]
    [InlineData("Console.WriteLine(ex);")]
    [InlineData("Console.Error.WriteLine(ex.Message);")]
    [InlineData("System.Diagnostics.Debug.WriteLine(ex.Message);")]
    [InlineData("System.Diagnostics.Trace.TraceWarning(ex.Message);")]
    [InlineData("Console.WriteLine(\"failed\"); Console.WriteLine(ex.StackTrace);")]
    public Task A_catch_that_only_logs_is_reported(string logging)
        => VerifyTST3003.AnalyzerAsync(
            Test(Flavor.XunitV3, $$"""
                try
                {
                    Act();
                }
                {|TST3003:catch (InvalidOperationException ex)|}
                {
                    {{logging}}
                }
                """),
            Flavor.XunitV3);

    [Fact]
    public Task Writing_to_the_test_output_only_logs()
        => VerifyTST3003.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                private readonly Xunit.Abstractions.ITestOutputHelper _output;

                public OrderTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

                [Test]
                public void Works()
                {
                    try
                    {
                        Act();
                    }
                    {|TST3003:catch (InvalidOperationException ex)|}
                    {
                        _output.WriteLine(ex.Message);
                    }
                }
            """ + Helpers),
            Flavor.XunitV2);

    [Theory]
    [InlineData(Flavor.NUnit4, "TestContext.WriteLine(ex.Message);")]
    [InlineData(Flavor.NUnit3, "TestContext.Out.WriteLine(ex.Message);")]
    public Task Writing_to_the_test_context_only_logs(Flavor flavor, string logging)
        => VerifyTST3003.AnalyzerAsync(
            TestSource.Class(flavor, $$"""
                public TestContext TestContext { get; set; } = null!;

                [Test]
                public void Works()
                {
                    try
                    {
                        Act();
                    }
                    {|TST3003:catch (InvalidOperationException ex)|}
                    {
                        {{logging}}
                    }
                }
            {{Helpers}}
            """),
            flavor);

    [Fact]
    public Task The_message_names_the_caught_type()
        => VerifyTST3003.AnalyzerAsync(
            Test(Flavor.MSTest3, """
                try
                {
                    Act();
                }
                {|#0:catch (InvalidOperationException)|}
                {
                }
                try
                {
                    Act();
                }
                {|#1:catch|}
                {
                }
                """),
            Flavor.MSTest3,
            expected: new[]
            {
                VerifyTST3003.Diagnostic("TST3003").WithLocation(0).WithArguments("InvalidOperationException"),
                VerifyTST3003.Diagnostic("TST3003").WithLocation(1).WithArguments("every exception"),
            });

    [Fact]
    public Task A_try_in_a_local_function_of_the_test_is_reported()
        => VerifyTST3003.AnalyzerAsync(
            Test(Flavor.NUnit4, """
                Run();

                void Run()
                {
                    try
                    {
                        Act();
                    }
                    {|TST3003:catch (InvalidOperationException)|}
                    {
                    }
                }
                """),
            Flavor.NUnit4);

    [Fact]
    public Task An_awaited_act_is_reported_too()
        => VerifyTST3003.AnalyzerAsync(
            Test(Flavor.TUnit, """
                try
                {
                    await ActAsync();
                }
                {|TST3003:catch (InvalidOperationException)|}
                {
                }
                """, isAsync: true),
            Flavor.TUnit);

    public static TheoryData<Flavor, string> HonestCatches() => new()
    {
        // The catch asserts on the exception.
        { Flavor.XunitV2, "catch (InvalidOperationException ex) { Assert.Equal(\"boom\", ex.Message); }" },
        { Flavor.XunitV3, "catch (InvalidOperationException ex) { Assert.Contains(\"boom\", ex.Message); }" },
        { Flavor.NUnit3, "catch (InvalidOperationException ex) { Assert.That(ex.Message, Is.EqualTo(\"boom\")); }" },
        { Flavor.NUnit4, "catch (InvalidOperationException ex) { Assert.That(ex.Message, Does.Contain(\"boom\")); }" },
        { Flavor.MSTest3, "catch (InvalidOperationException ex) { Assert.AreEqual(\"boom\", ex.Message); }" },
        { Flavor.MSTest4, "catch (InvalidOperationException ex) { StringAssert.Contains(ex.Message, \"boom\"); }" },
        { Flavor.TUnit, "catch (InvalidOperationException ex) { TUnit.Assertions.Assert.NotNull(ex.Message); }" },

        // The catch rethrows or fails.
        { Flavor.XunitV2, "catch (InvalidOperationException) { throw; }" },
        { Flavor.NUnit4, "catch (InvalidOperationException ex) { throw new ApplicationException(\"wrapped\", ex); }" },
        { Flavor.MSTest4, "catch (Exception ex) { Assert.Fail(ex.Message); }" },
        { Flavor.XunitV3, "catch (Exception ex) { Console.WriteLine(ex); throw; }" },

        // The catch records the exception for an assertion after it.
        { Flavor.XunitV2, "catch (InvalidOperationException ex) { caught = ex; }" },

        // Filtered catches and cancellation are deliberate.
        { Flavor.NUnit3, "catch (InvalidOperationException ex) when (ex.Message == \"boom\") { }" },
        { Flavor.XunitV3, "catch (OperationCanceledException) { }" },
        { Flavor.MSTest3, "catch (TaskCanceledException) { }" },
    };

    [Theory]
    [MemberData(nameof(HonestCatches))]
    public Task A_catch_that_does_something_with_the_exception_is_not_reported(Flavor flavor, string catchClause)
        => VerifyTST3003.AnalyzerAsync(
            Test(flavor, $$"""
                Exception? caught = null;
                try
                {
                    Act();
                }
                {{catchClause}}
                GC.KeepAlive(caught);
                """, extraUsings: flavor == Flavor.TUnit ? "using TUnit.Assertions;" : string.Empty),
            flavor);

    [Fact]
    public Task A_try_inside_a_retry_loop_is_not_reported()
        => VerifyTST3003.AnalyzerAsync(
            Test(Flavor.XunitV2, """
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        Act();
                        break;
                    }
                    catch (InvalidOperationException)
                    {
                    }
                }

                while (true)
                {
                    try
                    {
                        Act();
                        return;
                    }
                    catch (InvalidOperationException)
                    {
                    }
                }
                """),
            Flavor.XunitV2);

    [Fact]
    public Task A_try_inside_a_lambda_is_the_input_of_the_test_not_its_flow()
        => VerifyTST3003.AnalyzerAsync(
            Test(Flavor.NUnit4, """
                Action tolerant = () =>
                {
                    try
                    {
                        Act();
                    }
                    catch (InvalidOperationException)
                    {
                    }
                };
                Assert.DoesNotThrow(() => tolerant());
                """),
            Flavor.NUnit4);

    [Fact]
    public Task Setup_teardown_and_helpers_may_swallow_cleanup_failures()
        => VerifyTST3003.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                [TearDown]
                public void Cleanup()
                {
                    try
                    {
                        System.IO.Directory.Delete("scratch", recursive: true);
                    }
                    catch (System.IO.IOException)
                    {
                    }
                }

                private static void TryDelete(string path)
                {
                    try
                    {
                        System.IO.File.Delete(path);
                    }
                    catch
                    {
                    }
                }

                [Test]
                public void Works() => Assert.Pass();
            """),
            Flavor.NUnit4);

    [Fact]
    public Task A_try_without_catch_and_production_code_are_not_reported()
        => VerifyTST3003.AnalyzerAsync(
            """
            using System;

            public class OrderTests
            {
                public void Works()
                {
                    try
                    {
                        Console.WriteLine(1);
                    }
                    catch
                    {
                    }
                }
            }
            """,
            flavor: null);

    [Fact]
    public async Task A_test_that_only_swallows_also_has_no_assertion_while_the_fail_idiom_asserts()
    {
        // int.Parse comes from another assembly: a helper of the test's own compilation that throws would count as a check.
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV3, Libs.None, TestSource.Class(Flavor.XunitV3, """
                [Fact]
                public void OnlySwallows()
                {
                    try
                    {
                        int.Parse("x");
                    }
                    catch (FormatException)
                    {
                    }
                }

                [Fact]
                public void FailIdiom()
                {
                    try
                    {
                        int.Parse("x");
                        Assert.Fail("expected an exception");
                    }
                    catch (FormatException)
                    {
                    }
                }
            """));

        var diagnostics = await AllAnalyzers.RunAsync(compilation);

        var found = diagnostics
            .Select(d => $"{d.Id} line {d.Location.GetLineSpan().StartLinePosition.Line + 1}")
            .OrderBy(d => d, System.StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { "TST3001 line 10", "TST3003 line 16", "TST3006 line 29" }, found);
    }

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public async Task Half_typed_assertions_and_try_statements_never_crash_an_analyzer(Flavor flavor)
    {
        var source = TestSource.Class(flavor, """
                [Test]
                public void Typing()
                {
                    try
                    {
                        Act(
                        Assert.Fail(
                    }
                    catch (InvalidOperation
                    {
                    }
                    try { } catch (UnknownException ex) { Console.WriteLine(ex.); }
                    Assert.Equal(order, );
                    Assert.True(
                    Assert.NotNull(new );
                    Assert.That(x, Is.EqualTo(x);
                    x.Should().Be(x
                }

                [Test]
                public void {
            """);
        var compilation = await AllAnalyzers.CompileAsync(flavor, Libs.FluentAssertions, source);

        await AllAnalyzers.RunAsync(compilation);
    }
}
