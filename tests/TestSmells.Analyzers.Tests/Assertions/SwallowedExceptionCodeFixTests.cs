using System.Threading.Tasks;
using TestSmells.Analyzers.Assertions;
using TestSmells.Analyzers.CodeFixes.Assertions;
using TestSmells.Analyzers.Tests.Infrastructure;
using FixTST3003 = TestSmells.Analyzers.Tests.Infrastructure.VerifyFix<
    TestSmells.Analyzers.Assertions.SwallowedExceptionAnalyzer,
    TestSmells.Analyzers.CodeFixes.Assertions.SwallowedExceptionCodeFix>;

namespace TestSmells.Analyzers.Tests.Assertions;

public class SwallowedExceptionCodeFixTests
{
    private const string Key = SwallowedExceptionCodeFix.EquivalenceKey;

    private static string Source(Flavor flavor, string members, string extraUsings = "")
        => TestSource.Class(flavor, members + """

                private static void Act() => throw new InvalidOperationException("boom");
                private static int Parse(string text) => throw new FormatException(text);
                private static Task ActAsync() => Task.FromException(new InvalidOperationException("boom"));
                private static Task<int> CountAsync() => Task.FromException<int>(new InvalidOperationException("boom"));
            """, extraUsings);

    [Theory]
    [InlineData(Flavor.XunitV2, "Assert.Fail(\"expected an exception\");", "Assert.Throws<InvalidOperationException>(() => Act());")]
    [InlineData(Flavor.XunitV2, "Assert.True(false, \"expected an exception\");", "Assert.Throws<InvalidOperationException>(() => Act());")]
    [InlineData(Flavor.XunitV3, "Assert.Fail(\"expected an exception\");", "Assert.Throws<InvalidOperationException>(() => Act());")]
    [InlineData(Flavor.NUnit3, "Assert.Fail(\"expected an exception\");", "Assert.Throws<InvalidOperationException>(() => Act());")]
    [InlineData(Flavor.NUnit3, "Assert.IsTrue(false);", "Assert.Throws<InvalidOperationException>(() => Act());")]
    [InlineData(Flavor.NUnit4, "Assert.Fail(\"expected an exception\");", "Assert.Throws<InvalidOperationException>(() => Act());")]
    [InlineData(Flavor.NUnit4, "ClassicAssert.IsTrue(false);", "Assert.Throws<InvalidOperationException>(() => Act());")]
    [InlineData(Flavor.MSTest3, "Assert.Fail(\"expected an exception\");", "Assert.ThrowsExactly<InvalidOperationException>(() => Act());")]
    [InlineData(Flavor.MSTest4, "Assert.IsFalse(true);", "Assert.ThrowsExactly<InvalidOperationException>(() => Act());")]
    [InlineData(Flavor.TUnit, "Assert.Fail(\"expected an exception\");", "Assert.ThrowsExactly<InvalidOperationException>(() => Act());")]
    public Task The_try_fail_catch_idiom_becomes_the_frameworks_throws_assertion(Flavor flavor, string fail, string expected)
    {
        var usings = flavor == Flavor.TUnit ? "using TUnit.Assertions;" : fail.StartsWith("ClassicAssert", System.StringComparison.Ordinal) ? "using NUnit.Framework.Legacy;" : string.Empty;
        return FixTST3003.CodeFixAsync(
            Source(flavor, $$"""
                [Test]
                public void Works()
                {
                    var before = 1;
                    try
                    {
                        Act();
                        {{fail}}
                    }
                    {|TST3006:catch (InvalidOperationException)|}
                    {
                    }
                    GC.KeepAlive(before);
                }
            """, usings),
            Source(flavor, $$"""
                [Test]
                public void Works()
                {
                    var before = 1;
                    {{expected}}
                    GC.KeepAlive(before);
                }
            """, usings),
            flavor,
            equivalenceKey: Key);
    }

    [Fact]
    public Task Several_act_statements_become_a_block_lambda()
        => FixTST3003.CodeFixAsync(
            Source(Flavor.XunitV3, """
                [Test]
                public void Works()
                {
                    try
                    {
                        var text = "x";
                        // the call that must throw
                        Parse(text);
                        Assert.Fail("expected a format error");
                    }
                    {|TST3006:catch (FormatException)|}
                    {
                    }
                }
            """),
            Source(Flavor.XunitV3, """
                [Test]
                public void Works()
                {
                    Assert.Throws<FormatException>(() =>
                    {
                        var text = "x";
                        // the call that must throw
                        Parse(text);
                    });
                }
            """),
            Flavor.XunitV3,
            equivalenceKey: Key);

    [Fact]
    public Task A_single_declaration_becomes_an_expression_lambda()
        => FixTST3003.CodeFixAsync(
            Source(Flavor.NUnit4, """
                [Test]
                public void Works()
                {
                    try
                    {
                        var count = Parse("x");
                        Assert.Fail();
                    }
                    {|TST3006:catch (FormatException)|}
                    {
                    }
                }
            """),
            Source(Flavor.NUnit4, """
                [Test]
                public void Works()
                {
                    Assert.Throws<FormatException>(() => Parse("x"));
                }
            """),
            Flavor.NUnit4,
            equivalenceKey: Key);

    [Fact]
    public Task A_caught_exception_that_is_logged_is_kept_in_a_variable()
        => FixTST3003.CodeFixAsync(
            Source(Flavor.MSTest4, """
                [Test]
                public void Works()
                {
                    try
                    {
                        Act();
                        Assert.Fail();
                    }
                    {|TST3006:catch (InvalidOperationException ex)|}
                    {
                        System.Diagnostics.Trace.WriteLine(ex.Message);
                    }
                }
            """),
            Source(Flavor.MSTest4, """
                [Test]
                public void Works()
                {
                    var ex = Assert.ThrowsExactly<InvalidOperationException>(() => Act());
                    System.Diagnostics.Trace.WriteLine(ex.Message);
                }
            """),
            Flavor.MSTest4,
            equivalenceKey: Key);

    [Fact]
    public Task An_unused_catch_variable_is_dropped()
        => FixTST3003.CodeFixAsync(
            Source(Flavor.XunitV2, """
                [Test]
                public void Works()
                {
                    try
                    {
                        Act();
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException ex)|}
                    {
                    }
                }
            """),
            Source(Flavor.XunitV2, """
                [Test]
                public void Works()
                {
                    Assert.Throws<InvalidOperationException>(() => Act());
                }
            """),
            Flavor.XunitV2,
            equivalenceKey: Key);

    [Theory]
    [InlineData(Flavor.XunitV2, "await Assert.ThrowsAsync<InvalidOperationException>(() => ActAsync());")]
    [InlineData(Flavor.XunitV3, "await Assert.ThrowsAsync<InvalidOperationException>(() => ActAsync());")]
    [InlineData(Flavor.MSTest3, "await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => ActAsync());")]
    [InlineData(Flavor.MSTest4, "await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => ActAsync());")]
    [InlineData(Flavor.TUnit, "await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => ActAsync());")]
    [InlineData(Flavor.NUnit4, "await Assert.ThatAsync(() => ActAsync(), Throws.TypeOf<InvalidOperationException>());")]
    public Task An_awaited_act_becomes_the_async_throws_assertion(Flavor flavor, string expected)
    {
        var usings = flavor == Flavor.TUnit ? "using TUnit.Assertions;" : string.Empty;
        return FixTST3003.CodeFixAsync(
            Source(flavor, """
                [Test]
                public async Task Works()
                {
                    try
                    {
                        await ActAsync();
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException)|}
                    {
                    }
                }
            """, usings),
            Source(flavor, $$"""
                [Test]
                public async Task Works()
                {
                    {{expected}}
                }
            """, usings),
            flavor,
            equivalenceKey: Key);
    }

    [Fact]
    public Task Awaited_code_that_is_not_one_task_becomes_an_async_lambda()
        => FixTST3003.CodeFixAsync(
            Source(Flavor.XunitV3, """
                [Test]
                public async Task Works()
                {
                    try
                    {
                        var count = await CountAsync().ConfigureAwait(false);
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException)|}
                    {
                    }

                    try
                    {
                        await Task.Yield();
                        await ActAsync();
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException)|}
                    {
                    }
                }
            """),
            Source(Flavor.XunitV3, """
                [Test]
                public async Task Works()
                {
                    await Assert.ThrowsAsync<InvalidOperationException>(async () => await CountAsync().ConfigureAwait(false));

                    await Assert.ThrowsAsync<InvalidOperationException>(async () =>
                    {
                        await Task.Yield();
                        await ActAsync();
                    });
                }
            """),
            Flavor.XunitV3,
            equivalenceKey: Key);

    [Fact]
    public Task NUnit_keeps_its_blocking_ThrowsAsync_when_the_test_awaits_something_else()
        => FixTST3003.CodeFixAsync(
            Source(Flavor.NUnit3, """
                [Test]
                public async Task Works()
                {
                    await Task.Yield();
                    try
                    {
                        await ActAsync();
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException ex)|}
                    {
                        TestContext.WriteLine(ex.Message);
                    }
                }
            """),
            Source(Flavor.NUnit3, """
                [Test]
                public async Task Works()
                {
                    await Task.Yield();
                    var ex = Assert.ThrowsAsync<InvalidOperationException>(() => ActAsync());
                    TestContext.WriteLine(ex.Message);
                }
            """),
            Flavor.NUnit3,
            equivalenceKey: Key);

    [Fact]
    public Task Fix_all_rewrites_every_idiom_of_the_document()
        => FixTST3003.CodeFixAsync(
            Source(Flavor.XunitV2, """
                [Test]
                public void First()
                {
                    try
                    {
                        Act();
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException)|}
                    {
                    }
                }

                [Test]
                public void Second()
                {
                    try
                    {
                        Parse("x");
                        Assert.True(false);
                    }
                    {|TST3006:catch (FormatException)|}
                    {
                    }

                    try
                    {
                        Act();
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException)|}
                    {
                    }
                }
            """),
            Source(Flavor.XunitV2, """
                [Test]
                public void First()
                {
                    Assert.Throws<InvalidOperationException>(() => Act());
                }

                [Test]
                public void Second()
                {
                    Assert.Throws<FormatException>(() => Parse("x"));

                    Assert.Throws<InvalidOperationException>(() => Act());
                }
            """),
            Flavor.XunitV2,
            equivalenceKey: Key);

    [Fact]
    public Task MSTest_before_3_8_gets_ThrowsException()
    {
        // Every MSTest on our feed has ThrowsExactly: a minimal MSTest of the 3.7 era stands in for the old API.
        const string oldMsTest = """

            namespace Microsoft.VisualStudio.TestTools.UnitTesting
            {
                public sealed class TestClassAttribute : System.Attribute { }
                public class TestMethodAttribute : System.Attribute { }
                public static class Assert
                {
                    public static void Fail(string message = "") => throw new System.Exception(message);
                    public static T ThrowsException<T>(System.Action action) where T : System.Exception => throw new System.Exception();
                    public static System.Threading.Tasks.Task<T> ThrowsExceptionAsync<T>(System.Func<System.Threading.Tasks.Task> action) where T : System.Exception => throw new System.Exception();
                }
            }
            """;
        return FixTST3003.CodeFixAsync(
            Source(Flavor.MSTest3, """
                [Test]
                public async Task Works()
                {
                    try
                    {
                        Act();
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException)|}
                    {
                    }

                    try
                    {
                        await ActAsync();
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException)|}
                    {
                    }
                }
            """) + oldMsTest,
            Source(Flavor.MSTest3, """
                [Test]
                public async Task Works()
                {
                    Assert.ThrowsException<InvalidOperationException>(() => Act());

                    await Assert.ThrowsExceptionAsync<InvalidOperationException>(() => ActAsync());
                }
            """) + oldMsTest,
            flavor: null,
            equivalenceKey: Key);
    }

    [Theory]
    [InlineData("catch (Exception) { }", "Act(); Assert.Fail(\"expected\");", "TST3003")]
    [InlineData("catch { }", "Act(); Assert.Fail(\"expected\");", "TST3003")]
    [InlineData("catch (InvalidOperationException) { }", "Act();", "TST3003")]
    [InlineData("catch (InvalidOperationException) { } finally { Console.WriteLine(1); }", "Act(); Assert.Fail(\"expected\");", "TST3006")]
    [InlineData("catch (InvalidOperationException) { } catch (FormatException) { }", "Act(); Assert.Fail(\"expected\");", "TST3006")]
    [InlineData("catch (SystemException) { }", "if (DateTime.Today.Year > 2000) return; Act(); Assert.Fail(\"expected\");", "TST3006")]
    public Task No_fix_when_the_shape_is_not_the_idiom(string catches, string act, string id)
        => FixTST3003.NoFixAsync(
            Source(Flavor.XunitV3, $$"""
                [Test]
                public void Works()
                {
                    try
                    {
                        {{act}}
                    }
                    {{catches.Replace("catch", "{|" + id + ":catch", System.StringComparison.Ordinal).Replace(") {", ")|} {", System.StringComparison.Ordinal).Replace("catch {", "catch|} {", System.StringComparison.Ordinal)}}
                }
            """),
            Flavor.XunitV3,
            equivalenceKey: Key);

    [Fact]
    public Task No_fix_when_the_kept_exception_variable_would_clash_with_another_local()
        => FixTST3003.NoFixAsync(
            Source(Flavor.XunitV2, """
                [Test]
                public void Works()
                {
                    try
                    {
                        Act();
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException ex)|}
                    {
                        Console.WriteLine(ex.Message);
                    }

                    if (DateTime.Today.Year > 2000)
                    {
                        var ex = new Exception();
                        Console.WriteLine(ex);
                    }
                }
            """),
            Flavor.XunitV2,
            equivalenceKey: Key);

    [Fact]
    public Task No_fix_for_NUnit_3_async_code_that_would_leave_the_method_without_an_await()
        => FixTST3003.NoFixAsync(
            Source(Flavor.NUnit3, """
                [Test]
                public async Task Works()
                {
                    try
                    {
                        await ActAsync();
                        Assert.Fail("expected an exception");
                    }
                    {|TST3006:catch (InvalidOperationException)|}
                    {
                    }
                }
            """),
            Flavor.NUnit3,
            equivalenceKey: Key);
}
