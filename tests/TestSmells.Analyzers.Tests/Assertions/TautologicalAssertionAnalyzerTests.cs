using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST3002 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Assertions.TautologicalAssertionAnalyzer>;

namespace TestSmells.Analyzers.Tests.Assertions;

public class TautologicalAssertionAnalyzerTests
{
    private const string Members = """

            private readonly Order _order = new Order();
            private static readonly Order Default = new Order();
            private static int Count() => 1;

            public sealed class Order
            {
                public decimal Total { get; set; }
                public Customer Customer { get; } = new Customer();
                public Order Next() => new Order();
            }

            public sealed class Customer
            {
                public string Name { get; set; } = "";
            }

            public readonly record struct Money(decimal Amount);

            public sealed class Sku : IEquatable<Sku>
            {
                public bool Equals(Sku? other) => other is not null;
                public override bool Equals(object? obj) => Equals(obj as Sku);
                public override int GetHashCode() => 0;
            }
        """;

    private static string Test(Flavor flavor, string body, string extraUsings = "", bool isAsync = false)
        => TestSource.Class(flavor, $$"""
                [Test]
                public {{(isAsync ? "async Task" : "void")}} Works()
                {
                    var order = new Order();
                    var total = order.Total;
                    {{body}}
                }
            {{Members}}
            """, extraUsings);

    private static string Usings(Flavor flavor) => flavor switch
    {
        Flavor.TUnit => "using TUnit.Assertions;\nusing TUnit.Assertions.Extensions;",
        Flavor.NUnit4 => "using NUnit.Framework.Legacy;",
        _ => string.Empty,
    };

    public static TheoryData<Flavor, string> CannotFail() => new()
    {
        // Literal true / false to a truth assertion.
        { Flavor.XunitV2, "{|TST3002:Assert.True(true)|};" },
        { Flavor.XunitV2, "{|TST3002:Assert.False(false, \"never\")|};" },
        { Flavor.XunitV3, "{|TST3002:Assert.True(true)|};" },
        { Flavor.NUnit3, "{|TST3002:Assert.IsTrue(true)|};" },
        { Flavor.NUnit3, "{|TST3002:Assert.That(true)|};" },
        { Flavor.NUnit3, "{|TST3002:Assert.That(true, Is.True)|};" },
        { Flavor.NUnit4, "{|TST3002:ClassicAssert.IsTrue(true)|};" },
        { Flavor.NUnit4, "{|TST3002:ClassicAssert.False(false)|};" },
        { Flavor.NUnit4, "{|TST3002:Assert.That(false, Is.False)|};" },
        { Flavor.MSTest3, "{|TST3002:Assert.IsTrue(true)|};" },
        { Flavor.MSTest4, "{|TST3002:Assert.IsFalse(false)|};" },

        // The same expression on both sides of an equality or identity assertion.
        { Flavor.XunitV2, "{|TST3002:Assert.Equal(total, total)|};" },
        { Flavor.XunitV2, "{|TST3002:Assert.Equal(order.Customer.Name, order.Customer.Name)|};" },
        { Flavor.XunitV2, "{|TST3002:Assert.Same(order, order)|};" },
        { Flavor.XunitV3, "{|TST3002:Assert.Equal(_order.Total, _order.Total)|};" },
        { Flavor.XunitV3, "{|TST3002:Assert.Equal(42, 42)|};" },
        { Flavor.XunitV3, "{|TST3002:Assert.Equal(_order.Total, this._order.Total)|};" },
        { Flavor.NUnit3, "{|TST3002:Assert.AreEqual(total, total)|};" },
        { Flavor.NUnit3, "{|TST3002:Assert.That(total, Is.EqualTo(total))|};" },
        { Flavor.NUnit4, "{|TST3002:ClassicAssert.AreEqual(order.Total, order.Total)|};" },
        { Flavor.NUnit4, "{|TST3002:Assert.That(order, Is.SameAs(order))|};" },
        { Flavor.MSTest3, "{|TST3002:Assert.AreEqual(total, total)|};" },
        { Flavor.MSTest4, "{|TST3002:Assert.AreSame(order, order)|};" },
        { Flavor.MSTest4, "{|TST3002:Assert.AreEqual(\"x\", \"x\")|};" },

        // Not-null checks on a new object or a non-nullable value type.
        { Flavor.XunitV2, "{|TST3002:Assert.NotNull(new Order())|};" },
        { Flavor.XunitV3, "{|TST3002:Assert.NotNull(total)|};" },
        { Flavor.NUnit3, "{|TST3002:Assert.IsNotNull(42)|};" },
        { Flavor.NUnit3, "{|TST3002:Assert.That(new Order(), Is.Not.Null)|};" },
        { Flavor.NUnit4, "{|TST3002:Assert.That(total, Is.Not.Null)|};" },
        { Flavor.NUnit4, "{|TST3002:ClassicAssert.IsNotNull(new[] { 1 })|};" },
        { Flavor.MSTest3, "{|TST3002:Assert.IsNotNull(new Order())|};" },
        { Flavor.MSTest4, "{|TST3002:Assert.IsNotNull(42)|};" },
    };

    [Theory]
    [MemberData(nameof(CannotFail))]
    public Task An_assertion_that_cannot_fail_is_reported(Flavor flavor, string body)
        => VerifyTST3002.AnalyzerAsync(Test(flavor, body, Usings(flavor)), flavor);

    [Fact]
    public Task TUnit_assertions_that_cannot_fail_are_reported()
        => VerifyTST3002.AnalyzerAsync(
            Test(Flavor.TUnit, """
                await {|TST3002:Assert.That(true).IsTrue()|};
                await {|TST3002:Assert.That(total).IsEqualTo(total)|};
                await {|TST3002:Assert.That(new Order()).IsNotNull()|};
                await {|TST3002:Assert.That(order).IsSameReferenceAs(order)|};
                await Assert.That(order.Next()).IsNotNull();
                await Assert.That(order.Total).IsEqualTo(3m);
        """, Usings(Flavor.TUnit), isAsync: true),
            Flavor.TUnit);

    [Theory]
    [InlineData(Libs.FluentAssertions, "using FluentAssertions;")]
    [InlineData(Libs.AwesomeAssertions, "using AwesomeAssertions;")]
    public Task Fluent_assertions_that_cannot_fail_are_reported(Libs libs, string usings)
        => VerifyTST3002.AnalyzerAsync(
            Test(Flavor.XunitV3, """
                {|TST3002:true.Should().BeTrue()|};
                {|TST3002:false.Should().BeFalse("never")|};
                {|TST3002:total.Should().Be(total)|};
                {|TST3002:order.Customer.Name.Should().Be(order.Customer.Name)|};
                {|TST3002:(new Order()).Should().NotBeNull()|};
                {|TST3002:order.Should().BeSameAs(order)|};
                order.Total.Should().Be(3m);
                order.Next().Should().NotBeNull();
                order.Next().Should().Be(order.Next());
        """, usings),
            Flavor.XunitV3,
            libs);

    [Fact]
    public Task Shouldly_assertions_that_cannot_fail_are_reported()
        => VerifyTST3002.AnalyzerAsync(
            Test(Flavor.NUnit4, """
                {|TST3002:true.ShouldBeTrue()|};
                {|TST3002:false.ShouldBeFalse()|};
                {|TST3002:total.ShouldBe(total)|};
                {|TST3002:order.ShouldBeSameAs(order)|};
                {|TST3002:new Order().ShouldNotBeNull()|};
                order.Total.ShouldBe(3m);
                order.Next().ShouldNotBeNull();
        """, "using Shouldly;"),
            Flavor.NUnit4,
            Libs.Shouldly);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task The_message_says_why(Flavor flavor)
    {
        var assertion = flavor switch
        {
            Flavor.XunitV2 or Flavor.XunitV3 => "Assert.Equal(order.Total, order.Total)",
            Flavor.NUnit3 => "Assert.AreEqual(order.Total, order.Total)",
            Flavor.NUnit4 => "ClassicAssert.AreEqual(order.Total, order.Total)",
            Flavor.TUnit => "Assert.That(order.Total).IsEqualTo(order.Total)",
            _ => "Assert.AreEqual(order.Total, order.Total)",
        };
        var prefix = flavor == Flavor.TUnit ? "await " : string.Empty;
        return VerifyTST3002.AnalyzerAsync(
            Test(flavor, prefix + "{|#0:" + assertion + "|};", Usings(flavor), isAsync: flavor == Flavor.TUnit),
            flavor,
            expected: VerifyTST3002.Diagnostic("TST3002").WithLocation(0).WithArguments("both sides are 'order.Total'"));
    }

    public static TheoryData<Flavor, string> CanFail() => new()
    {
        // Values produced by the code under test.
        { Flavor.XunitV2, "Assert.True(order.Total == 0m);" },
        { Flavor.XunitV2, "Assert.Equal(0m, order.Total);" },
        { Flavor.XunitV2, "Assert.NotNull(order.Customer);" },
        { Flavor.XunitV2, "Assert.NotNull(order.Next());" },

        // The fail idiom: a literal that makes the assertion fail, not pass.
        { Flavor.XunitV2, "Assert.True(false, \"should not get here\");" },
        { Flavor.NUnit3, "Assert.IsFalse(true);" },
        { Flavor.MSTest3, "Assert.IsTrue(false);" },

        // Method calls may return a different value on each call.
        { Flavor.XunitV3, "Assert.Equal(Count(), Count());" },
        { Flavor.XunitV3, "Assert.Equal(order.Next().Total, order.Next().Total);" },
        { Flavor.NUnit4, "Assert.That(order.Next(), Is.SameAs(order.Next()));" },

        // Static properties (clocks, counters) may change between two reads.
        { Flavor.XunitV3, "Assert.Equal(DateTime.Now, DateTime.Now);" },
        { Flavor.MSTest4, "Assert.AreEqual(Environment.TickCount, Environment.TickCount);" },

        // Different expressions.
        { Flavor.NUnit3, "Assert.AreEqual(order.Total, _order.Total);" },
        { Flavor.XunitV2, "Assert.Equal(1, 2);" },

        // A type with its own equality: asserting x == x may be a reflexivity test of that equality.
        { Flavor.XunitV2, "var money = new Money(1m); Assert.Equal(money, money);" },
        { Flavor.NUnit4, "var sku = new Sku(); ClassicAssert.AreEqual(sku, sku);" },
        { Flavor.MSTest3, "var sku = new Sku(); Assert.AreEqual(sku, sku);" },

        // An explicit comparer is what the assertion tests.
        { Flavor.XunitV3, "Assert.Equal(total, total, EqualityComparer<decimal>.Default);" },

        // Boxing makes two references: Same on a value type can fail.
        { Flavor.XunitV2, "Assert.Same(total, total);" },

        // Nullable values and references can be null.
        { Flavor.XunitV3, "int? maybe = null; Assert.NotNull(maybe);" },
        { Flavor.NUnit3, "Assert.That(order.Customer, Is.Not.Null);" },
        { Flavor.MSTest4, "object? boxed = null; Assert.IsNotNull(boxed);" },
    };

    public static TheoryData<Flavor, string> Deliberate() => new()
    {
        // A not-null check on a value type, then the real checks of the same value: redundant, harmless.
        { Flavor.XunitV2, "Assert.NotNull(total); Assert.Equal(3m, total);" },
        { Flavor.XunitV3, "Assert.NotNull(order.Total); Assert.True(order.Total > 0m);" },
        { Flavor.NUnit3, "Assert.IsNotNull(order.Total); Assert.AreEqual(3m, order.Total);" },
        { Flavor.NUnit4, "Assert.That(order.Total, Is.Not.Null); Assert.That(order.Total, Is.EqualTo(3m));" },
        { Flavor.MSTest3, "Assert.IsNotNull(total); Assert.AreEqual(3m, total);" },
        { Flavor.MSTest4, "Assert.AreEqual(3m, total); Assert.IsNotNull(total);" },

        // An identity check of a singleton held in a static readonly field documents that it is one.
        { Flavor.XunitV2, "Assert.Same(Default, Default);" },
        { Flavor.NUnit4, "Assert.That(Default, Is.SameAs(Default));" },
        { Flavor.MSTest4, "Assert.AreSame(OrderTests.Default, OrderTests.Default);" },
    };

    [Theory]
    [MemberData(nameof(Deliberate))]
    public Task Redundant_or_deliberate_checks_are_not_reported(Flavor flavor, string body)
        => VerifyTST3002.AnalyzerAsync(Test(flavor, body, Usings(flavor)), flavor);

    public static TheoryData<Flavor, string> StillCannotFail() => new()
    {
        // The not-null check on a value type is the only check of that value (other values are checked).
        { Flavor.XunitV2, "{|TST3002:Assert.NotNull(total)|}; Assert.Equal(3m, new Order().Total);" },
        { Flavor.NUnit4, "{|TST3002:Assert.That(total, Is.Not.Null)|}; Assert.That(order.Customer.Name, Is.Empty);" },
        { Flavor.MSTest4, "{|TST3002:Assert.IsNotNull(total)|}; Assert.AreEqual(3m, _order.Total);" },

        // An identity check of a local or an instance field with itself is still a copy-paste slip.
        { Flavor.XunitV3, "{|TST3002:Assert.Same(_order, _order)|};" },
        { Flavor.MSTest3, "{|TST3002:Assert.AreSame(order, order)|};" },

        // Equality of the singleton with itself is still reported: only identity documents a singleton.
        { Flavor.XunitV2, "{|TST3002:Assert.Equal(Default.Total, Default.Total)|};" },
    };

    [Theory]
    [MemberData(nameof(StillCannotFail))]
    public Task Only_checks_and_self_comparisons_of_instances_are_still_reported(Flavor flavor, string body)
        => VerifyTST3002.AnalyzerAsync(Test(flavor, body, Usings(flavor)), flavor);

    [Theory]
    [InlineData(Libs.FluentAssertions, "using FluentAssertions;")]
    [InlineData(Libs.AwesomeAssertions, "using AwesomeAssertions;")]
    public Task Fluent_identity_of_a_static_readonly_singleton_is_not_reported(Libs libs, string usings)
        => VerifyTST3002.AnalyzerAsync(
            Test(Flavor.XunitV3, """
                Default.Should().BeSameAs(Default);
                {|TST3002:order.Should().BeSameAs(order)|};
        """, usings),
            Flavor.XunitV3,
            libs);

    [Theory]
    [MemberData(nameof(CanFail))]
    public Task An_assertion_that_can_fail_is_not_reported(Flavor flavor, string body)
        => VerifyTST3002.AnalyzerAsync(Test(flavor, body, Usings(flavor) + "\nusing System.Collections.Generic;"), flavor);

    [Fact]
    public Task Assertions_in_helpers_of_a_test_class_are_reported_and_production_code_is_not()
        => VerifyTST3002.AnalyzerAsync(
            """
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Works() => Check();

                private static void Check() => {|TST3002:Assert.True(true)|};
            }

            public static class ProductionGuard
            {
                public static void Check() => Assert.True(true);
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task A_compilation_without_a_test_framework_is_not_analyzed()
        => VerifyTST3002.AnalyzerAsync(
            """
            public static class Assert
            {
                public static void True(bool condition) { }
            }

            public class OrderTests
            {
                public void Works() => Assert.True(true);
            }
            """,
            flavor: null);
}
