using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST4002 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Isolation.ExecutionOrderAnalyzer>;

namespace TestSmells.Analyzers.Tests.Isolation;

public class ExecutionOrderAnalyzerTests
{
    [Theory]
    [InlineData(Flavor.NUnit3)]
    [InlineData(Flavor.NUnit4)]
    public Task NUnit_Order_on_tests_and_fixtures_is_reported(Flavor flavor)
        => VerifyTST4002.AnalyzerAsync(
            """
            using NUnit.Framework;

            [TestFixture, {|TST4002:Order(1)|}]
            public class CheckoutTests
            {
                [Test, Order(1)]
                public void Creates_the_cart() => Assert.Pass();

                [Test]
                [Order(2)]
                public void Pays_for_the_cart() => Assert.Pass();
            }

            public class ShippingTests
            {
                [Test]
                public void Unordered() => Assert.Pass();

                [Test, {|TST4002:Order(1)|}]
                public void Packs() => Assert.Pass();

                [Test, Order(2)]
                public void Ships() => Assert.Pass();
            }
            """,
            flavor);

    [Fact]
    public Task XunitV2_orderers_and_the_priorities_they_read_are_reported()
        => VerifyTST4002.AnalyzerAsync(
            """
            using System;
            using Xunit;

            [assembly: {|TST4002:TestCollectionOrderer("Checkout.Tests.ByName", "Checkout.Tests")|}]

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class TestPriorityAttribute : Attribute
            {
                public TestPriorityAttribute(int priority) => Priority = priority;
                public int Priority { get; }
            }

            [{|TST4002:TestCaseOrderer("Checkout.Tests.PriorityOrderer", "Checkout.Tests")|}]
            public class CheckoutTests
            {
                [Fact, TestPriority(1)]
                public void Creates_the_cart() => Assert.True(true);

                [Fact]
                [TestPriority(2)]
                public void Pays_for_the_cart() => Assert.True(true);
            }

            public class ShippingTests
            {
                [Fact, {|TST4002:TestPriority(1)|}]
                public void Packs() => Assert.True(true);

                [Fact]
                [TestPriority(2)]
                public void Ships() => Assert.True(true);
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task XunitV3_orderers_and_priorities_are_reported()
        => VerifyTST4002.AnalyzerAsync(
            """
            using System;
            using Xunit;

            [assembly: {|TST4002:TestCollectionOrderer(typeof(ByName))|}]

            public sealed class ByName { }
            public sealed class PriorityOrderer { }

            public sealed class RunPriorityAttribute : Attribute
            {
                public RunPriorityAttribute(int priority) { }
            }

            [{|TST4002:TestCaseOrderer(typeof(PriorityOrderer))|}]
            public class CheckoutTests
            {
                [Fact, RunPriority(1)]
                public void Creates_the_cart() => Assert.True(true);
            }

            public class ShippingTests
            {
                [Fact, {|TST4002:RunPriority(1)|}]
                public void Packs() => Assert.True(true);
            }

            [CollectionDefinition("checkout"), {|TST4002:TestCaseOrderer(typeof(PriorityOrderer))|}]
            public class CheckoutCollection { }
            """,
            Flavor.XunitV3);

    [Fact]
    public Task TUnit_dependencies_and_ordered_not_in_parallel_are_reported()
        => VerifyTST4002.AnalyzerAsync(
            """
            using System.Threading.Tasks;
            using TUnit.Core;

            public class CartTests
            {
                [Test]
                public Task Creates() => Task.CompletedTask;
            }

            [{|TST4002:DependsOn<CartTests>|}]
            public class CheckoutTests
            {
                [Test]
                public Task Creates_the_cart() => Task.CompletedTask;

                [Test, DependsOn(nameof(Creates_the_cart))]
                public Task Pays_for_the_cart() => Task.CompletedTask;
            }

            public class ShippingTests
            {
                [Test]
                public Task Packs() => Task.CompletedTask;

                [Test, {|TST4002:DependsOn(nameof(Packs))|}]
                public Task Ships() => Task.CompletedTask;

                [Test, NotInParallel(Order = 2)]
                public Task Tracks() => Task.CompletedTask;
            }

            public class ClosingTests
            {
                [Test, {|TST4002:NotInParallel("orders", Order = 3)|}]
                public Task Closes_the_cart() => Task.CompletedTask;
            }
            """,
            Flavor.TUnit);

    [Fact]
    public Task TUnit_parallelism_limits_and_execution_priority_do_not_order_tests()
        => VerifyTST4002.AnalyzerAsync(
            """
            using System.Threading.Tasks;
            using TUnit.Core;
            using TUnit.Core.Enums;

            [NotInParallel]
            public class CheckoutTests
            {
                [Test, NotInParallel("database")]
                public Task Creates_the_cart() => Task.CompletedTask;

                [Test, ExecutionPriority(Priority.High)]
                public Task Pays_for_the_cart() => Task.CompletedTask;
            }
            """,
            Flavor.TUnit);

    [Theory]
    [InlineData(Flavor.MSTest3)]
    [InlineData(Flavor.MSTest4)]
    public Task MSTest_priority_and_parallelization_attributes_do_not_order_tests(Flavor flavor)
        => VerifyTST4002.AnalyzerAsync(
            """
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass, DoNotParallelize]
            public class CheckoutTests
            {
                [TestMethod, Priority(1)]
                public void Creates_the_cart() => Assert.IsTrue(true);

                [TestMethod]
                [Priority(2)]
                public void Pays_for_the_cart() => Assert.IsTrue(true);
            }
            """,
            flavor);

    [Fact]
    public Task A_priority_trait_and_a_priority_on_a_helper_are_not_ordering()
        => VerifyTST4002.AnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using Xunit;
            using Xunit.Sdk;

            [TraitDiscoverer("Checkout.Tests.PriorityDiscoverer", "Checkout.Tests")]
            public sealed class BusinessPriorityAttribute : Attribute, ITraitAttribute
            {
                public BusinessPriorityAttribute(string level) { }
            }

            public sealed class TestPriorityAttribute : Attribute
            {
                public TestPriorityAttribute(int priority) { }
            }

            public class CheckoutTests
            {
                [Fact, BusinessPriority("high")]
                public void Creates_the_cart() => Assert.True(Helper());

                [TestPriority(1)]
                private static bool Helper() => true;
            }
            """,
            Flavor.XunitV2);

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    public Task Priorities_that_no_applied_orderer_reads_are_not_reported(Flavor flavor)
    {
        // The orderer sits on the priority attribute's own class, where xUnit never looks: no test
        // class, collection or assembly uses it, so the priorities change nothing.
        var orderer = flavor == Flavor.XunitV2
            ? "TestCaseOrderer(\"Checkout.Tests.PriorityOrderer\", \"Checkout.Tests\")"
            : "TestCaseOrderer(typeof(PriorityOrderer))";
        return VerifyTST4002.AnalyzerAsync(
            $$"""
            using System;
            using Xunit;

            public sealed class PriorityOrderer { }

            [{{orderer}}]
            [AttributeUsage(AttributeTargets.Method)]
            public sealed class PriorityAttribute : Attribute
            {
                public PriorityAttribute(int priority) { }
            }

            public class CheckoutTests
            {
                [Fact, Priority(1)]
                public void Creates_the_cart() => Assert.True(true);

                [Fact, Priority(2)]
                public void Pays_for_the_cart() => Assert.True(true);
            }
            """,
            flavor);
    }

    [Fact]
    public Task Priorities_read_by_the_orderer_of_a_base_class_are_reported()
        => VerifyTST4002.AnalyzerAsync(
            """
            using System;
            using Xunit;

            public sealed class TestPriorityAttribute : Attribute
            {
                public TestPriorityAttribute(int priority) { }
            }

            [{|#0:TestCaseOrderer("Checkout.Tests.PriorityOrderer", "Checkout.Tests")|}]
            public abstract class JourneyTests
            {
                [Fact]
                public void Starts() => Assert.True(true);
            }

            public class CheckoutTests : JourneyTests
            {
                [Fact, {|#1:TestPriority(1)|}]
                public void Creates_the_cart() => Assert.True(true);

                [Fact, TestPriority(2)]
                public void Pays_for_the_cart() => Assert.True(true);
            }
            """,
            Flavor.XunitV2,
            Libs.None,
            null,
            VerifyTST4002.Diagnostic("TST4002").WithLocation(0).WithArguments("[TestCaseOrderer(\"Checkout.Tests.PriorityOrderer\", \"Checkout.Tests\")]", "1 test of 'JourneyTests'"),
            VerifyTST4002.Diagnostic("TST4002").WithLocation(1).WithArguments("[TestPriority(1)]", "2 tests of 'CheckoutTests'"));

    [Fact]
    public Task Priority_attributes_outside_xunit_projects_are_not_reported()
        => VerifyTST4002.AnalyzerAsync(
            """
            using System;
            using NUnit.Framework;

            public sealed class TestPriorityAttribute : Attribute
            {
                public TestPriorityAttribute(int priority) { }
            }

            public class CheckoutTests
            {
                [Test, TestPriority(1)]
                public void Creates_the_cart() => Assert.Pass();
            }
            """,
            Flavor.NUnit4);

    [Fact]
    public Task A_compilation_without_a_test_framework_is_not_analyzed()
        => VerifyTST4002.AnalyzerAsync(
            """
            using System;

            public sealed class OrderAttribute : Attribute
            {
                public OrderAttribute(int order) { }
            }

            public class Pipeline
            {
                [Order(1)]
                public void First() { }
            }
            """,
            flavor: null);

    [Fact]
    public Task The_message_names_the_attribute_and_counts_the_ordered_tests()
        => VerifyTST4002.AnalyzerAsync(
            """
            using NUnit.Framework;

            public class CheckoutTests
            {
                [Test]
                public void Unordered() => Assert.Pass();

                [Test, {|#0:Order(1)|}]
                public void Creates_the_cart() => Assert.Pass();

                [Test, Order(2)]
                public void Pays_for_the_cart() => Assert.Pass();

                [Test, Order(3)]
                public void Ships_the_cart() => Assert.Pass();
            }

            public class SingleTests
            {
                [Test, {|#1:Order(1)|}]
                public void Creates_the_cart() => Assert.Pass();
            }
            """,
            Flavor.NUnit4,
            Libs.None,
            null,
            VerifyTST4002.Diagnostic("TST4002").WithLocation(0).WithArguments("[Order(1)]", "3 tests of 'CheckoutTests'"),
            VerifyTST4002.Diagnostic("TST4002").WithLocation(1).WithArguments("[Order(1)]", "1 test of 'SingleTests'"));

    [Fact]
    public Task A_class_orderer_counts_every_test_of_the_class_and_an_assembly_orderer_is_reported_once()
    {
        var source = """
            using Xunit;

            [assembly: {|#0:TestCollectionOrderer("Checkout.Tests.ByName", "Checkout.Tests")|}]

            [{|#1:TestCaseOrderer("Checkout.Tests.PriorityOrderer", "Checkout.Tests")|}]
            public class CheckoutTests
            {
                [Fact]
                public void Creates_the_cart() => Assert.True(true);

                [Fact]
                public void Pays_for_the_cart() => Assert.True(true);
            }
            """;
        return VerifyTST4002.AnalyzerAsync(
            source,
            Flavor.XunitV2,
            Libs.None,
            null,
            VerifyTST4002.Diagnostic("TST4002").WithLocation(0).WithArguments("[TestCollectionOrderer(\"Checkout.Tests.ByName\", \"Checkout.Tests\")]", "the tests of the assembly"),
            VerifyTST4002.Diagnostic("TST4002").WithLocation(1).WithArguments("[TestCaseOrderer(\"Checkout.Tests.PriorityOrderer\", \"Checkout.Tests\")]", "2 tests of 'CheckoutTests'"));
    }
}
