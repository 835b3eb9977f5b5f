using System.Threading.Tasks;
using TestSmells.Analyzers.CodeFixes.Assertions;
using TestSmells.Analyzers.Tests.Infrastructure;
using FixTST3005 = TestSmells.Analyzers.Tests.Infrastructure.VerifyFix<
    TestSmells.Analyzers.Assertions.UnawaitedAsyncAssertionAnalyzer,
    TestSmells.Analyzers.CodeFixes.Assertions.UnawaitedAsyncAssertionCodeFix>;

namespace TestSmells.Analyzers.Tests.Assertions;

public class UnawaitedAsyncAssertionCodeFixTests
{
    private const string Key = UnawaitedAsyncAssertionCodeFix.EquivalenceKey;

    private const string Helpers = """

                private static Task PlaceAsync() => Task.FromException(new InvalidOperationException("empty"));
        """;

    [Theory]
    [InlineData(Flavor.MSTest3)]
    [InlineData(Flavor.MSTest4)]
    public Task A_void_test_becomes_async_Task_and_awaits_every_dropped_assertion(Flavor flavor)
        => FixTST3005.CodeFixAsync(
            TestSource.Class(flavor, """
                    [Test]
                    public void Rejects_an_empty_order()
                    {
                        {|TST3005:Assert.ThrowsExactlyAsync<InvalidOperationException>(() => PlaceAsync())|};
                        _ = {|TST3005:Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync())|};
                    }

                    [Test]
                    public async Task Rejects_twice()
                    {
                        await Task.Yield();
                        {|TST3005:Assert.ThrowsExactlyAsync<InvalidOperationException>(() => PlaceAsync())|};
                    }
                """ + Helpers),
            TestSource.Class(flavor, """
                    [Test]
                    public async Task Rejects_an_empty_order()
                    {
                        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => PlaceAsync());
                        await Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync());
                    }

                    [Test]
                    public async Task Rejects_twice()
                    {
                        await Task.Yield();
                        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => PlaceAsync());
                    }
                """ + Helpers),
            flavor,
            equivalenceKey: Key);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_dropped_Task_Run_is_awaited(Flavor flavor)
        => FixTST3005.CodeFixAsync(
            TestSource.Class(flavor, $$"""
                    [Test]
                    public void Total_is_computed_in_the_background()
                    {
                        var total = 3;
                        {|TST3005:Task.Run(async () => { await Task.Yield(); {{Asserting.IsTrue(flavor, "total == 3")}} })|};
                    }
                """, Asserting.Usings(flavor)),
            TestSource.Class(flavor, $$"""
                    [Test]
                    public async Task Total_is_computed_in_the_background()
                    {
                        var total = 3;
                        await Task.Run(async () => { await Task.Yield(); {{Asserting.IsTrue(flavor, "total == 3")}} });
                    }
                """, Asserting.Usings(flavor)),
            flavor,
            equivalenceKey: Key);

    [Fact]
    public Task The_Task_import_is_added_when_the_file_lacks_it()
        => FixTST3005.CodeFixAsync(
            """
            using System;
            using FluentAssertions;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Rejects_an_empty_order()
                {
                    Func<System.Threading.Tasks.Task> act = () => throw new InvalidOperationException("empty");
                    {|TST3005:act.Should().ThrowAsync<InvalidOperationException>().WithMessage("empty")|};
                }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using FluentAssertions;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public async Task Rejects_an_empty_order()
                {
                    Func<System.Threading.Tasks.Task> act = () => throw new InvalidOperationException("empty");
                    await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("empty");
                }
            }
            """,
            Flavor.XunitV3,
            Libs.FluentAssertions,
            equivalenceKey: Key);

    [Fact]
    public Task An_async_lambda_gets_the_await_without_other_changes()
        => FixTST3005.CodeFixAsync(
            TestSource.Class(Flavor.NUnit4, """
                    [Test]
                    public async Task Rejects_an_empty_order()
                    {
                        Func<Task> check = async () =>
                        {
                            await Task.Yield();
                            {|TST3005:Assert.ThatAsync(() => PlaceAsync(), Throws.InvalidOperationException)|};
                        };
                        await check();
                    }
                """ + Helpers),
            TestSource.Class(Flavor.NUnit4, """
                    [Test]
                    public async Task Rejects_an_empty_order()
                    {
                        Func<Task> check = async () =>
                        {
                            await Task.Yield();
                            await Assert.ThatAsync(() => PlaceAsync(), Throws.InvalidOperationException);
                        };
                        await check();
                    }
                """ + Helpers),
            Flavor.NUnit4,
            equivalenceKey: Key);

    [Fact]
    public Task No_fix_where_awaiting_would_change_what_callers_see()
        => FixTST3005.NoFixAsync(
            TestSource.Class(Flavor.MSTest4, """
                    [Test]
                    public void Rejects_an_empty_order()
                    {
                        Check();
                        Action inline = () => {|TST3005:Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync())|};
                        inline();

                        void Check()
                        {
                            {|TST3005:Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync())|};
                        }
                    }

                    [Test]
                    public void Expression_bodied() => {|TST3005:Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync())|};

                    private void Helper()
                    {
                        {|TST3005:Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync())|};
                    }

                    [Test]
                    public Task Returns_a_task()
                    {
                        Helper();
                        {|TST3005:Assert.ThrowsAsync<InvalidOperationException>(() => PlaceAsync())|};
                        return Task.CompletedTask;
                    }
                """ + Helpers),
            Flavor.MSTest4);
}
