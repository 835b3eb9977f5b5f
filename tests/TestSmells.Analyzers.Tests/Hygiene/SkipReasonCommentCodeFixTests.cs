using System.Threading.Tasks;
using TestSmells.Analyzers.CodeFixes.Hygiene;
using TestSmells.Analyzers.Hygiene;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Hygiene;

public class SkipReasonCommentCodeFixTests
{
    private static Task FixAsync(string source, string fixedSource, Flavor flavor)
        => VerifyFix<SkipWithoutReasonAnalyzer, SkipReasonCommentCodeFix>.CodeFixAsync(
            source, fixedSource, flavor, equivalenceKey: SkipReasonCommentCodeFix.EquivalenceKey);

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    public Task Xunit_gets_the_comment_as_its_Skip_reason(Flavor flavor)
        => FixAsync(
            """
            using Xunit;

            public class CheckoutTests
            {
                [{|TST5003:Fact(Skip = "")|}] // Payment sandbox is down
                public void Trailing() { }

                // Flaky on Linux agents,
                // see "issue" #9
                [{|TST5003:Fact(Skip = " ")|}]
                public void Above() { }

                [Theory]
                [InlineData(1)]
                [{|TST5003:InlineData(2, Skip = "" /* rounding bug */)|}]
                public void Row(int amount) => Assert.True(amount > 0);

                [{|TST5003:Fact(Skip = "")|}]
                public void Body()
                {
                    // Needs the staging database
                    Assert.Equal(4, int.Parse("4"));
                }
            }
            """,
            """
            using Xunit;

            public class CheckoutTests
            {
                [Fact(Skip = "Payment sandbox is down")]
                public void Trailing() { }

                [Fact(Skip = "Flaky on Linux agents, see \"issue\" #9")]
                public void Above() { }

                [Theory]
                [InlineData(1)]
                [InlineData(2, Skip = "rounding bug")]
                public void Row(int amount) => Assert.True(amount > 0);

                [Fact(Skip = "Needs the staging database")]
                public void Body()
                {
                    Assert.Equal(4, int.Parse("4"));
                }
            }
            """,
            flavor);

    [Theory]
    [InlineData(Flavor.NUnit3)]
    [InlineData(Flavor.NUnit4)]
    public Task NUnit_gets_the_comment_as_its_Ignore_reason(Flavor flavor)
        => FixAsync(
            """
            using NUnit.Framework;

            public class CheckoutTests
            {
                [Test, {|TST5003:Ignore("")|}] // Lack of emulator support
                public void Trailing() { }

                [Test]
                // The tax sandbox is down
                [{|TST5003:Ignore(null)|}]
                public void Above() { }

                [{|TST5003:TestCase(1, Ignore = "")|}] // Rounding bug #80
                public void Row(int amount) => Assert.That(amount, Is.Positive);
            }
            """,
            """
            using NUnit.Framework;

            public class CheckoutTests
            {
                [Test, Ignore("Lack of emulator support")]
                public void Trailing() { }

                [Test]
                [Ignore("The tax sandbox is down")]
                public void Above() { }

                [TestCase(1, Ignore = "Rounding bug #80")]
                public void Row(int amount) => Assert.That(amount, Is.Positive);
            }
            """,
            flavor);

    [Theory]
    [InlineData(Flavor.MSTest3)]
    [InlineData(Flavor.MSTest4)]
    public Task MSTest_gets_the_comment_as_its_Ignore_message(Flavor flavor)
        => FixAsync(
            """
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass]
            public class CheckoutTests
            {
                [TestMethod, {|TST5003:Ignore|}] // Lack of emulator support
                public void Trailing() { }

                [TestMethod]
                [{|TST5003:Ignore(IgnoreMessage = "")|}] // Needs the staging database
                public void Named() { }

                [TestMethod, {|TST5003:Ignore|}]
                public void Body()
                { // Times out on the shared agents
                    Assert.AreEqual(4, int.Parse("4"));
                }
            }
            """,
            """
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            [TestClass]
            public class CheckoutTests
            {
                [TestMethod, Ignore("Lack of emulator support")]
                public void Trailing() { }

                [TestMethod]
                [Ignore(IgnoreMessage = "Needs the staging database")]
                public void Named() { }

                [TestMethod, Ignore("Times out on the shared agents")]
                public void Body()
                {
                    Assert.AreEqual(4, int.Parse("4"));
                }
            }
            """,
            flavor);

    [Fact]
    public Task TUnit_gets_the_comment_as_its_Skip_reason()
        => FixAsync(
            """
            using System.Threading.Tasks;
            using TUnit.Core;

            public class CheckoutTests
            {
                // Flaky on Linux agents
                [Test, {|TST5003:Skip("")|}]
                public Task Pays() => Task.CompletedTask;

                [Test, {|TST5003:Skip(" ")|}] /* Waits for the new API */
                public Task Ships() => Task.CompletedTask;
            }
            """,
            """
            using System.Threading.Tasks;
            using TUnit.Core;

            public class CheckoutTests
            {
                [Test, Skip("Flaky on Linux agents")]
                public Task Pays() => Task.CompletedTask;

                [Test, Skip("Waits for the new API")]
                public Task Ships() => Task.CompletedTask;
            }
            """,
            Flavor.TUnit);
}
