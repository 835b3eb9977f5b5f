using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifySkips = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Hygiene.SkipWithoutReasonAnalyzer>;

namespace TestSmells.Analyzers.Tests.Hygiene;

/// <summary>TST5003: a skip whose reason is only a comment (reported by the TST5001 analyzer instead of TST5001).</summary>
public class SkipReasonCommentTests
{
    private const string XunitV2RunsIt = " (and xUnit v2 runs a test whose skip reason is empty)";

    /// <summary>TST5003 at markup <c>{|#n:...|}</c>, the comment at <c>{|#n+1:...|}</c>.</summary>
    private static DiagnosticResult Comment(int location, string reason, string note = "")
        => new DiagnosticResult("TST5003", DiagnosticSeverity.Info)
            .WithLocation(location)
            .WithLocation(location + 1)
            .WithArguments(reason, note);

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    public Task Xunit_reasons_in_comments_are_reported_in_every_place(Flavor flavor)
        => VerifySkips.AnalyzerAsync(
            """
            using Xunit;

            public class CheckoutTests
            {
                [{|#0:Fact(Skip = "")|}] {|#1:// Payment sandbox is down|}
                public void Trailing() { }

                [{|#2:Fact(Skip = " " {|#3:/* Waits for the tax service */|})|}]
                public void Inside() { }

                {|#5:// Flaky on Linux agents|}
                [{|#4:Fact(Skip = "")|}]
                public void Above() { }

                [{|#6:Fact(Skip = "")|}]
                public void Body()
                {
                    {|#7:// Needs the staging database|}
                    Assert.True(true);
                }
            }
            """,
            flavor,
            Libs.None,
            null,
            Comment(0, "Payment sandbox is down", XunitV2RunsIt),
            Comment(2, "Waits for the tax service"),
            Comment(4, "Flaky on Linux agents", XunitV2RunsIt),
            Comment(6, "Needs the staging database", XunitV2RunsIt));

    [Theory]
    [InlineData(Flavor.NUnit3)]
    [InlineData(Flavor.NUnit4)]
    public Task NUnit_reasons_in_comments_are_reported(Flavor flavor)
        => VerifySkips.AnalyzerAsync(
            """
            using NUnit.Framework;

            public class CheckoutTests
            {
                [Test, {|#0:Ignore("")|}] {|#1:// Lack of emulator support|}
                public void Trailing() { }

                [Test]
                {|#3:// The tax service sandbox is down,|}
                {|#4:// see #77|}
                [{|#2:Ignore(null)|}]
                public void Above() { }

                [{|#5:TestCase(1, Ignore = "")|}] {|#6:/* rounding bug */|}
                public void Row(int amount) { }
            }
            """,
            flavor,
            Libs.None,
            null,
            Comment(0, "Lack of emulator support"),
            new DiagnosticResult("TST5003", DiagnosticSeverity.Info).WithLocation(2).WithLocation(3).WithLocation(4)
                .WithArguments("The tax service sandbox is down, see #77", string.Empty),
            Comment(5, "rounding bug"));

    [Theory]
    [InlineData(Flavor.MSTest3)]
    [InlineData(Flavor.MSTest4)]
    public Task MSTest_reasons_in_comments_are_reported(Flavor flavor)
        => VerifySkips.AnalyzerAsync(
            """
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass]
            public class CheckoutTests
            {
                [TestMethod, {|#0:Ignore|}] {|#1:// Lack of emulator support|}
                public void Trailing() { }

                [TestMethod]
                [{|#2:Ignore|}]
                public void Body()
                { {|#3:// Times out on the shared agents|}
                    Assert.IsTrue(true);
                }

                [{|#4:Ignore|}] [TestMethod] {|#5:// Crashes the test host|}
                public void SameLineAfterAnotherAttribute() { }
            }
            """,
            flavor,
            Libs.None,
            null,
            Comment(0, "Lack of emulator support"),
            Comment(2, "Times out on the shared agents"),
            Comment(4, "Crashes the test host"));

    [Fact]
    public Task TUnit_reasons_in_comments_are_reported()
        => VerifySkips.AnalyzerAsync(
            """
            using System.Threading.Tasks;
            using TUnit.Core;

            {|#1:// Whole fixture waits for the new API|}
            [{|#0:Skip("")|}]
            public class CheckoutTests
            {
                [Test, {|#2:Skip(" ")|}] {|#3:// Flaky on Linux agents|}
                public Task Pays() => Task.CompletedTask;
            }
            """,
            Flavor.TUnit,
            Libs.None,
            null,
            Comment(0, "Whole fixture waits for the new API"),
            Comment(2, "Flaky on Linux agents"));

    [Fact]
    public Task Comments_that_are_no_reason_leave_the_skip_a_TST5001_warning()
        => VerifySkips.AnalyzerAsync(
            """
            using NUnit.Framework;

            public class CheckoutTests
            {
                public void Helper() { } // Belongs to the helper above
                [Test, {|TST5001:Ignore("")|}]
                public void CommentOfAnotherMember() { }

                // Refund tests

                [Test, {|TST5001:Ignore("")|}]
                public void SeparatedByABlankLine() { }

                // [Ignore("Old reason")]
                [Test, {|TST5001:Ignore("")|}]
                public void CommentedOutAttribute() { }

                [Test, {|TST5001:Ignore("")|}] // TODO
                public void BareTodo() { }

                [Test, {|TST5001:Ignore("")|}] // expect: TST5001
                public void NoteAboutOurRule() { }

                /// <summary>Books the refund.</summary>
                [Test, {|TST5001:Ignore("")|}]
                public void DocumentationComment() { }

                [Test, {|TST5001:Ignore("")|}]
                public void ArrangeHeading()
                {
                    // Arrange
                    var amount = 1;
                    Assert.That(amount, Is.EqualTo(1));
                }

                [Test, {|TST5001:Ignore("")|}]
                public void CommentedOutCode()
                {
                    // Assert.That(1, Is.EqualTo(2));
                    Assert.That(1, Is.EqualTo(1));
                }

                [Test, {|TST5001:Ignore("")|}]
                public void CommentAfterCode()
                {
                    var amount = 1;
                    // Checks the amount
                    Assert.That(amount, Is.EqualTo(1));
                }

                [Test, {|TST5001:Ignore("")|}]
                public void CommentAfterABlankLineInTheBody()
                {

                    // Checks the amount
                    Assert.That(1, Is.EqualTo(1));
                }

                // Flaky
                #pragma warning disable CS0618
                [Test, {|TST5001:Ignore("")|}]
                public void DirectiveBetween() { }
                #pragma warning restore CS0618
            }
            """,
            Flavor.NUnit4);

    [Fact]
    public Task Skips_with_a_reason_are_not_reported_whatever_the_comments()
        => VerifySkips.AnalyzerAsync(
            """
            using Xunit;

            public class CheckoutTests
            {
                [Fact(Skip = "Sandbox down, see #412")] // and nobody fixed it
                public void WithReason() { }

                [Fact] // a plain test
                public void Runs() { }
            }
            """,
            Flavor.XunitV3);

    [Fact]
    public Task With_a_pattern_a_comment_that_does_not_match_it_stays_TST5001()
        => VerifySkips.AnalyzerAsync(
            """
            using NUnit.Framework;

            public class CheckoutTests
            {
                [Test, {|TST5001:Ignore("")|}] // flaky
                public void NoLink() { }

                [Test, {|#0:Ignore("")|}] {|#1:// https://github.com/acme/shop/issues/412|}
                public void Link() { }
            }
            """,
            Flavor.NUnit4,
            editorConfig: @"test_smells.skip_reason_pattern = https://github\.com/acme/shop/issues/\d+",
            expected: Comment(0, "https://github.com/acme/shop/issues/412"));
}
