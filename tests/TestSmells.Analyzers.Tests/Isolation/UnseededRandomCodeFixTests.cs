using System.Threading.Tasks;
using TestSmells.Analyzers.CodeFixes.Isolation;
using TestSmells.Analyzers.Isolation;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Isolation;

public class UnseededRandomCodeFixTests
{
    private static Task FixAsync(Flavor flavor, string members, string fixedMembers)
        => VerifyFix<UnseededRandomAnalyzer, UnseededRandomCodeFix>.CodeFixAsync(
            TestSource.Class(flavor, members, Asserting.Usings(flavor)),
            TestSource.Class(flavor, fixedMembers, Asserting.Usings(flavor)),
            flavor,
            equivalenceKey: UnseededRandomCodeFix.EquivalenceKey);

    private static Task NoFixAsync(Flavor flavor, string members)
        => VerifyFix<UnseededRandomAnalyzer, UnseededRandomCodeFix>.NoFixAsync(
            TestSource.Class(flavor, members, Asserting.Usings(flavor)),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task New_Random_gets_a_fixed_seed_in_every_test(Flavor flavor)
        => FixAsync(
            flavor,
            $$"""
                [Test]
                {{Asserting.Signature(flavor, "Discount_is_capped")}}
                {
                    var random = {|TST4003:new Random()|};
                    var percent = random.Next(0, 200);
                    {{Asserting.IsTrue(flavor, "Math.Min(percent, 50) <= 50")}}
                }

                [Test]
                {{Asserting.Signature(flavor, "Quantity_is_positive")}}
                {
                    Random random = {|TST4003:new()|};
                    {{Asserting.IsTrue(flavor, "random.Next(1, 10) > 0")}}
                }
            """,
            $$"""
                [Test]
                {{Asserting.Signature(flavor, "Discount_is_capped")}}
                {
                    var random = new Random(12345);
                    var percent = random.Next(0, 200);
                    {{Asserting.IsTrue(flavor, "Math.Min(percent, 50) <= 50")}}
                }

                [Test]
                {{Asserting.Signature(flavor, "Quantity_is_positive")}}
                {
                    Random random = new(12345);
                    {{Asserting.IsTrue(flavor, "random.Next(1, 10) > 0")}}
                }
            """);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Random_Shared_becomes_one_seeded_local_per_test(Flavor flavor)
        => FixAsync(
            flavor,
            $$"""
                [Test]
                {{Asserting.Signature(flavor, "Totals_add_up")}}
                {
                    var first = {|TST4003:Random.Shared|}.Next(1, 100);
                    var second = {|TST4003:Random.Shared|}.Next(1, 100);
                    {{Asserting.IsTrue(flavor, "first + second >= 2")}}
                }

                [Test]
                {{Asserting.Signature(flavor, "Prices_are_positive")}}
                {
                    for (var i = 0; i < 3; i++)
                    {
                        {{Asserting.IsTrue(flavor, "{|TST4003:Random.Shared|}.NextDouble() >= 0")}}
                    }
                }
            """,
            $$"""
                [Test]
                {{Asserting.Signature(flavor, "Totals_add_up")}}
                {
                    var random = new Random(12345);
                    var first = random.Next(1, 100);
                    var second = random.Next(1, 100);
                    {{Asserting.IsTrue(flavor, "first + second >= 2")}}
                }

                [Test]
                {{Asserting.Signature(flavor, "Prices_are_positive")}}
                {
                    var random = new Random(12345);
                    for (var i = 0; i < 3; i++)
                    {
                        {{Asserting.IsTrue(flavor, "random.NextDouble() >= 0")}}
                    }
                }
            """);

    [Fact]
    public Task An_expression_bodied_test_gets_a_block()
        => FixAsync(
            Flavor.XunitV3,
            """
                [Fact]
                public void Roll_is_a_die_face() => Assert.InRange({|TST4003:Random.Shared|}.Next(1, 7), 1, 6);

                [Fact]
                public async Task Roll_is_a_die_face_later() => await Task.FromResult({|TST4003:Random.Shared|}.Next(1, 7)).ContinueWith(t => Assert.InRange(t.Result, 1, 6));
            """,
            """
                [Fact]
                public void Roll_is_a_die_face()
                {
                    var random = new Random(12345);
                    Assert.InRange(random.Next(1, 7), 1, 6);
                }

                [Fact]
                public async Task Roll_is_a_die_face_later()
                {
                    var random = new Random(12345);
                    await Task.FromResult(random.Next(1, 7)).ContinueWith(t => Assert.InRange(t.Result, 1, 6));
                }
            """);

    [Fact]
    public Task The_local_gets_a_free_name()
        => FixAsync(
            Flavor.NUnit4,
            """
                private readonly int random = 3;

                [Test]
                public void Quantity_is_bounded()
                {
                    var quantity = {|TST4003:Random.Shared|}.Next(random);
                    Assert.That(quantity, Is.LessThan(3));
                }
            """,
            """
                private readonly int random = 3;

                [Test]
                public void Quantity_is_bounded()
                {
                    var random2 = new Random(12345);
                    var quantity = random2.Next(random);
                    Assert.That(quantity, Is.LessThan(3));
                }
            """);

    [Fact]
    public Task Fields_get_a_seed_and_both_shapes_are_fixed_together()
        => FixAsync(
            Flavor.MSTest4,
            """
                private readonly Random _random = {|TST4003:new Random()|};
                private static readonly Random Shared = {|TST4003:new Random()|};

                [TestMethod]
                public void Discount_is_bounded()
                {
                    var percent = _random.Next(0, 50) + {|TST4003:Random.Shared|}.Next(0, 50) + Shared.Next(1);
                    Assert.IsTrue(percent < 100);
                }
            """,
            """
                private readonly Random _random = new Random(12345);
                private static readonly Random Shared = new Random(12345);

                [TestMethod]
                public void Discount_is_bounded()
                {
                    var random = new Random(12345);
                    var percent = _random.Next(0, 50) + random.Next(0, 50) + Shared.Next(1);
                    Assert.IsTrue(percent < 100);
                }
            """);

    [Fact]
    public Task No_fix_where_a_seeded_instance_would_repeat_the_same_values()
        => NoFixAsync(
            Flavor.XunitV2,
            """
                [Fact]
                public void Names_differ()
                {
                    var names = new System.Collections.Generic.List<int>();
                    for (var i = 0; i < 3; i++)
                    {
                        names.Add({|TST4003:new Random()|}.Next());
                    }

                    Func<int> next = () => {|TST4003:Random.Shared|}.Next();
                    Assert.NotEqual(NextName(), next());
                }

                private static int NextName() => {|TST4003:new Random()|}.Next() + {|TST4003:Random.Shared|}.Next();
            """);
}
