using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST4003 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Isolation.UnseededRandomAnalyzer>;

namespace TestSmells.Analyzers.Tests.Isolation;

public class UnseededRandomAnalyzerTests
{
    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Unseeded_random_in_a_test_method_is_reported(Flavor flavor)
        => VerifyTST4003.AnalyzerAsync(
            TestSource.Test(flavor, """
                var random = {|TST4003:new Random()|};
                var quantity = random.Next(1, 10) + {|TST4003:Random.Shared|}.Next(5);
                GC.KeepAlive(quantity);
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Unseeded_random_in_fields_helpers_and_setup_of_a_test_class_is_reported(Flavor flavor)
        => VerifyTST4003.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private readonly Random _random = {|TST4003:new Random()|};
                    private int _quantity;

                    public OrderTests() { _quantity = {|TST4003:Random.Shared|}.Next(); }

                    [Test]
                    public void Works() => GC.KeepAlive(NextPrice() + _quantity + _random.Next());

                    private static int NextPrice() => {|TST4003:new System.Random()|}.Next(100);
                """),
            flavor);

    [Fact]
    public Task Target_typed_creation_and_a_local_function_are_reported()
        => VerifyTST4003.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV3, """
                Random random = {|TST4003:new()|};
                GC.KeepAlive(random.Next() + Next());
                int Next() => {|TST4003:Random.Shared|}.Next();
                """),
            Flavor.XunitV3);

    [Fact]
    public Task Seeded_random_is_not_reported()
        => VerifyTST4003.AnalyzerAsync(
            TestSource.Test(Flavor.NUnit4, """
                var fixedSeed = new Random(12345);
                var fromEnvironment = new Random(Environment.TickCount);
                Random targetTyped = new(7);
                GC.KeepAlive(fixedSeed.Next() + fromEnvironment.Next() + targetTyped.Next());
                """),
            Flavor.NUnit4);

    [Fact]
    public Task Guid_NewGuid_and_cryptographic_randomness_are_not_reported()
        => VerifyTST4003.AnalyzerAsync(
            TestSource.Test(Flavor.MSTest4, """
                var orderId = Guid.NewGuid();
                var salt = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100);
                GC.KeepAlive(orderId);
                GC.KeepAlive(salt);
                """),
            Flavor.MSTest4);

    [Fact]
    public Task Randomness_inside_an_expression_tree_is_data_not_execution()
        => VerifyTST4003.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV2, """
                System.Linq.Expressions.Expression<Func<int>> described = () => new Random().Next() + Random.Shared.Next();
                GC.KeepAlive(described);
                """),
            Flavor.XunitV2);

    [Fact]
    public Task Randomness_inside_an_ordinary_lambda_is_reported()
        => VerifyTST4003.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV2, """
                Func<int> next = () => {|TST4003:Random.Shared|}.Next();
                GC.KeepAlive(next());
                """),
            Flavor.XunitV2);

    [Fact]
    public Task A_nested_fake_and_production_classes_are_not_test_code()
        => VerifyTST4003.AnalyzerAsync(
            """
            using System;
            using Xunit;

            public class Dice
            {
                private readonly Random _random = new Random();
                public int Roll() => _random.Next(1, 7) + Random.Shared.Next(0, 1);
            }

            public class DiceTests
            {
                private sealed class JitteryClock
                {
                    public int Jitter() => new Random().Next(10) + Random.Shared.Next(10);
                }

                [Fact]
                public void Rolls() => Assert.InRange(new Dice().Roll(), 1, 6);
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task A_type_deriving_from_Random_is_not_reported()
        => VerifyTST4003.AnalyzerAsync(
            """
            using System;
            using Xunit;

            public sealed class FixedRandom : Random
            {
                public override int Next(int maxValue) => 0;
            }

            public class DiceTests
            {
                [Fact]
                public void Rolls() => Assert.Equal(0, new FixedRandom().Next(6));
            }
            """,
            Flavor.XunitV3);

    [Fact]
    public Task A_compilation_without_a_test_framework_is_production_code()
        => VerifyTST4003.AnalyzerAsync(
            """
            using System;

            public class DiceTests
            {
                public int Roll() => new Random().Next(6) + Random.Shared.Next(6);
            }
            """,
            flavor: null);

    [Fact]
    public Task The_message_names_the_source_of_randomness()
        => VerifyTST4003.AnalyzerAsync(
            TestSource.Test(Flavor.TUnit, """
                var a = {|#0:new Random()|}.Next();
                var b = {|#1:Random.Shared|}.Next();
                GC.KeepAlive(a + b);
                """),
            Flavor.TUnit,
            expected: new[]
            {
                VerifyTST4003.Diagnostic("TST4003").WithLocation(0).WithArguments("new Random()"),
                VerifyTST4003.Diagnostic("TST4003").WithLocation(1).WithArguments("Random.Shared"),
            });
}
