using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST5001 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Hygiene.SkipWithoutReasonAnalyzer>;

namespace TestSmells.Analyzers.Tests.Hygiene;

public class SkipWithoutReasonAnalyzerTests
{
    private const string EmptyXunitSkip = "Skip = \"\" gives no reason (and xUnit v2 runs a test whose skip reason is empty)";

    private const string Pattern = @"https://github\.com/acme/shop/issues/\d+";

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    public Task Xunit_skip_with_an_empty_or_blank_reason_is_reported(Flavor flavor)
        => VerifyTST5001.AnalyzerAsync(
            """
            using Xunit;

            public class CheckoutTests
            {
                [{|TST5001:Fact(Skip = "")|}]
                public void Creates_the_cart() { }

                [{|TST5001:Theory(Skip = "   ")|}]
                [InlineData(1)]
                public void Pays(int amount) { }

                [Theory]
                [InlineData(1)]
                [{|TST5001:InlineData(2, Skip = "")|}]
                public void Ships(int parcels) { }
            }
            """,
            flavor);

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    public Task Xunit_tests_that_run_or_say_why_they_are_skipped_are_not_reported(Flavor flavor)
        => VerifyTST5001.AnalyzerAsync(
            """
            using Xunit;

            public class CheckoutTests
            {
                [Fact(Skip = "Payment sandbox is down, see #412")]
                public void Creates_the_cart() { }

                [Fact(Skip = null)]
                public void Pays() { }

                [Fact, Trait("Category", "")]
                public void Ships() { }
            }
            """,
            flavor);

    [Theory]
    [InlineData(Flavor.NUnit3)]
    [InlineData(Flavor.NUnit4)]
    public Task NUnit_ignore_with_an_empty_reason_is_reported(Flavor flavor)
        => VerifyTST5001.AnalyzerAsync(
            """
            using NUnit.Framework;

            [{|TST5001:TestFixture(IgnoreReason = " ")|}]
            public class CheckoutTests
            {
                [Test, {|TST5001:Ignore("")|}]
                public void Creates_the_cart() { }

                [{|TST5001:TestCase(1, Ignore = "")|}]
                [TestCase(2)]
                public void Pays(int amount) { }

                [Test, {|TST5001:Ignore(null)|}]
                public void Ships() { }
            }
            """,
            flavor);

    [Theory]
    [InlineData(Flavor.NUnit3)]
    [InlineData(Flavor.NUnit4)]
    public Task NUnit_ignore_with_a_reason_and_ignore_outside_tests_are_not_reported(Flavor flavor)
        => VerifyTST5001.AnalyzerAsync(
            """
            using NUnit.Framework;

            public class CheckoutTests
            {
                [Test, Ignore("Waiting for the tax service, see #77")]
                public void Creates_the_cart() { }

                [TestCase(1, Ignore = "Rounding bug #80")]
                public void Pays(int amount) { }

                [Ignore("")]
                public void NotATest() { }
            }
            """,
            flavor);

    [Theory]
    [InlineData(Flavor.MSTest3)]
    [InlineData(Flavor.MSTest4)]
    public Task MSTest_ignore_without_a_message_is_reported(Flavor flavor)
        => VerifyTST5001.AnalyzerAsync(
            """
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass, {|TST5001:Ignore|}]
            public class CheckoutTests
            {
                [TestMethod, {|TST5001:Ignore|}]
                public void Creates_the_cart() { }

                [TestMethod]
                [{|TST5001:Ignore("")|}]
                public void Pays() { }

                [TestMethod, Ignore("Needs the staging database")]
                public void Ships() { }

                [TestMethod, Ignore(IgnoreMessage = "Needs the staging database")]
                public void Closes() { }
            }
            """,
            flavor);

    [Fact]
    public Task TUnit_skip_with_an_empty_reason_is_reported()
        => VerifyTST5001.AnalyzerAsync(
            """
            using System.Threading.Tasks;
            using TUnit.Core;

            [{|TST5001:Skip("")|}]
            public class CheckoutTests
            {
                [Test, {|TST5001:Skip(" ")|}]
                public Task Creates_the_cart() => Task.CompletedTask;

                [Test, Skip("Flaky on Linux agents, see #9")]
                public Task Pays() => Task.CompletedTask;
            }
            """,
            Flavor.TUnit);

    [Fact]
    public Task A_reason_that_does_not_match_the_configured_pattern_is_reported()
        => VerifyTST5001.AnalyzerAsync(
            """
            using Xunit;

            public class CheckoutTests
            {
                [{|#0:Fact(Skip = "flaky")|}]
                public void Creates_the_cart() { }

                [{|#1:Fact(Skip = "")|}]
                public void Pays() { }

                [Fact(Skip = "Sandbox down: https://github.com/acme/shop/issues/412")]
                public void Ships() { }
            }
            """,
            Flavor.XunitV3,
            Libs.None,
            "test_smells.skip_reason_pattern = " + Pattern,
            VerifyTST5001.Diagnostic("TST5001").WithLocation(0)
                .WithArguments("The skip reason \"flaky\" does not match the required pattern '" + Pattern + "' (test_smells.skip_reason_pattern)"),
            VerifyTST5001.Diagnostic("TST5001").WithLocation(1).WithArguments(EmptyXunitSkip));

    [Fact]
    public Task An_invalid_pattern_is_ignored_and_does_not_crash()
        => VerifyTST5001.AnalyzerAsync(
            """
            using NUnit.Framework;

            public class CheckoutTests
            {
                [Test, Ignore("flaky")]
                public void Creates_the_cart() { }

                [Test, {|TST5001:Ignore(" ")|}]
                public void Pays() { }
            }
            """,
            Flavor.NUnit4,
            editorConfig: "test_smells.skip_reason_pattern = [unclosed(");

    [Fact]
    public Task The_message_says_the_reason_is_missing()
        => VerifyTST5001.AnalyzerAsync(
            """
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass]
            public class CheckoutTests
            {
                [TestMethod, {|#0:Ignore|}]
                public void Creates_the_cart() { }
            }
            """,
            Flavor.MSTest4,
            expected: VerifyTST5001.Diagnostic("TST5001").WithLocation(0).WithArguments("The test is skipped without a reason"));

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    public Task An_empty_xunit_skip_says_that_xunit_may_still_run_the_test(Flavor flavor)
        => VerifyTST5001.AnalyzerAsync(
            """
            using Xunit;

            public class CheckoutTests
            {
                [{|#0:Fact(Skip = "")|}]
                public void Creates_the_cart() { }

                [{|#1:Fact(Skip = " ")|}]
                public void Pays() { }
            }
            """,
            flavor,
            Libs.None,
            null,
            VerifyTST5001.Diagnostic("TST5001").WithLocation(0).WithArguments(EmptyXunitSkip),
            VerifyTST5001.Diagnostic("TST5001").WithLocation(1).WithArguments("The test is skipped without a reason"));
}
