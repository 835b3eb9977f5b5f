using System;
using System.Collections.Generic;
using System.Linq;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Packaging;

/// <summary>
/// A test framework as a user sets it up in a consumer project: the packages, the project properties
/// it needs and one test file in its idiom. Every file has the same tests: two fixed waits (a
/// <c>Thread.Sleep(500)</c> and an <c>await Task.Delay(500)</c>, each before an assertion) and three
/// honest waits the rules must leave alone (a poll with a sleep inside, a delay raced against the work,
/// <c>Task.Delay(0)</c>).
/// </summary>
public sealed record ConsumerFramework(
    string Name,
    IReadOnlyList<ConsumerReference> References,
    IReadOnlyDictionary<string, string> Properties,
    string Source,
    string SleepCall,
    string DelayCall)
{
    public const string SourceFile = "WaitingTests.cs";

    /// <summary>The consumer's project name (not the name of any package it references, or restore sees a cycle).</summary>
    public string ProjectName => $"Consumer.{Name}.Tests";

    /// <summary>
    /// The frameworks, at the versions the analyzer tests compile against (the reference packages of
    /// Directory.Packages.props, see <see cref="ReferencePackages"/>); the SDK at the version our own tests use.
    /// </summary>
    public static IReadOnlyList<ConsumerFramework> All { get; } = new[]
    {
        new ConsumerFramework(
            "XunitV3",
            new[] { new ConsumerReference("xunit.v3", ReferencePackages.Version("xunit.v3")) },
            // xUnit v3 test projects are executables; its build stops with an error otherwise.
            new Dictionary<string, string> { ["OutputType"] = "Exe" },
            XunitV3Source,
            "Thread.Sleep(500)",
            "Task.Delay(500, TestContext.Current.CancellationToken)"),
        new ConsumerFramework(
            "NUnit",
            new[]
            {
                new ConsumerReference("Microsoft.NET.Test.Sdk", ConsumerProject.Pinned("Microsoft.NET.Test.Sdk")),
                new ConsumerReference("NUnit", ReferencePackages.Version("NUnit", 4)),
                new ConsumerReference("NUnit3TestAdapter", ReferencePackages.Version("NUnit3TestAdapter")),
            },
            new Dictionary<string, string>(),
            NUnitSource,
            "Thread.Sleep(500)",
            "Task.Delay(500)"),
        MSTest("MSTest3", ReferencePackages.Version("MSTest.TestFramework", 3)),
        MSTest("MSTest4", ReferencePackages.Version("MSTest.TestFramework", 4)),
        new ConsumerFramework(
            "TUnit",
            // What the TUnit package bundles minus its run-time extensions (one of them, code coverage, is
            // under non-open-source terms): TUnit.Core's source generator and analyzers, Microsoft.Testing.Platform,
            // and TUnit.Engine's props, which make the project an executable.
            new[]
            {
                new ConsumerReference("TUnit.Engine", ReferencePackages.Version("TUnit.Engine")),
                new ConsumerReference("TUnit.Assertions", ReferencePackages.Version("TUnit.Assertions")),
            },
            new Dictionary<string, string>(),
            TUnitSource,
            "Thread.Sleep(500)",
            "Task.Delay(500)"),
    };

    public static ConsumerFramework Named(string name) => All.Single(f => f.Name == name);

    private static ConsumerFramework MSTest(string name, string version) => new(
        name,
        new[]
        {
            // What the MSTest package bundles minus its run-time extensions (one of them, code coverage, is
            // under non-open-source terms); MSTest.TestFramework brings MSTest's analyzers.
            new ConsumerReference("Microsoft.NET.Test.Sdk", ConsumerProject.Pinned("Microsoft.NET.Test.Sdk")),
            new ConsumerReference("MSTest.TestFramework", version),
            new ConsumerReference("MSTest.TestAdapter", version),
        },
        new Dictionary<string, string>(),
        MSTestSource.Replace("Consumer.MSTest.Tests", $"Consumer.{name}.Tests", StringComparison.Ordinal),
        "Thread.Sleep(500)",
        "Task.Delay(500)");

    public override string ToString() => Name;

    private const string XunitV3Source = """
        using Xunit;

        namespace Consumer.XunitV3.Tests;

        public class WaitingTests
        {
            [Fact]
            public void Sleeps_before_asserting()
            {
                var done = false;
                var worker = new Thread(() => done = true);
                worker.Start();
                Thread.Sleep(500);
                Assert.True(done);
            }

            [Fact]
            public async Task Delays_before_asserting()
            {
                var work = Task.Run(() => 42, TestContext.Current.CancellationToken);
                await Task.Delay(500, TestContext.Current.CancellationToken);
                Assert.True(work.IsCompleted);
            }

            [Fact]
            public void Polls_until_done()
            {
                var done = false;
                var worker = new Thread(() => done = true);
                worker.Start();
                for (var waited = 0; !done && waited < 5000; waited += 10)
                {
                    Thread.Sleep(10);
                }

                Assert.True(done);
            }

            [Fact]
            public async Task Races_the_work_against_a_timeout()
            {
                var work = Task.Run(() => 42, TestContext.Current.CancellationToken);
                var first = await Task.WhenAny(work, Task.Delay(5000, TestContext.Current.CancellationToken));
                Assert.Same(work, first);
            }

            [Fact]
            public async Task Yields_with_a_zero_delay()
            {
                var work = Task.Run(() => 42, TestContext.Current.CancellationToken);
                await Task.Delay(0, TestContext.Current.CancellationToken);
                Assert.Equal(42, await work);
            }
        }
        """;

    private const string NUnitSource = """
        using NUnit.Framework;

        namespace Consumer.NUnit.Tests;

        public class WaitingTests
        {
            [Test]
            public void Sleeps_before_asserting()
            {
                var done = false;
                var worker = new Thread(() => done = true);
                worker.Start();
                Thread.Sleep(500);
                Assert.That(done, Is.True);
            }

            [Test]
            public async Task Delays_before_asserting()
            {
                var work = Task.Run(() => 42);
                await Task.Delay(500);
                Assert.That(work.IsCompleted, Is.True);
            }

            [Test]
            public void Polls_until_done()
            {
                var done = false;
                var worker = new Thread(() => done = true);
                worker.Start();
                for (var waited = 0; !done && waited < 5000; waited += 10)
                {
                    Thread.Sleep(10);
                }

                Assert.That(done, Is.True);
            }

            [Test]
            public async Task Races_the_work_against_a_timeout()
            {
                var work = Task.Run(() => 42);
                var first = await Task.WhenAny(work, Task.Delay(5000));
                Assert.That(first, Is.SameAs(work));
            }

            [Test]
            public async Task Yields_with_a_zero_delay()
            {
                var work = Task.Run(() => 42);
                await Task.Delay(0);
                Assert.That(await work, Is.EqualTo(42));
            }
        }
        """;

    private const string MSTestSource = """
        using Microsoft.VisualStudio.TestTools.UnitTesting;

        // MSTest 4 requires the choice (MSTEST0001 is a warning there).
        [assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

        namespace Consumer.MSTest.Tests;

        [TestClass]
        public class WaitingTests
        {
            [TestMethod]
            public void Sleeps_before_asserting()
            {
                var done = false;
                var worker = new Thread(() => done = true);
                worker.Start();
                Thread.Sleep(500);
                Assert.IsTrue(done);
            }

            [TestMethod]
            public async Task Delays_before_asserting()
            {
                var work = Task.Run(() => 42);
                await Task.Delay(500);
                Assert.IsTrue(work.IsCompleted);
            }

            [TestMethod]
            public void Polls_until_done()
            {
                var done = false;
                var worker = new Thread(() => done = true);
                worker.Start();
                for (var waited = 0; !done && waited < 5000; waited += 10)
                {
                    Thread.Sleep(10);
                }

                Assert.IsTrue(done);
            }

            [TestMethod]
            public async Task Races_the_work_against_a_timeout()
            {
                var work = Task.Run(() => 42);
                var first = await Task.WhenAny(work, Task.Delay(5000));
                Assert.AreSame(work, first);
            }

            [TestMethod]
            public async Task Yields_with_a_zero_delay()
            {
                var work = Task.Run(() => 42);
                await Task.Delay(0);
                Assert.AreEqual(42, await work);
            }
        }
        """;

    private const string TUnitSource = """
        namespace Consumer.TUnit.Tests;

        public class WaitingTests
        {
            [Test]
            public async Task Sleeps_before_asserting()
            {
                var done = false;
                var worker = new Thread(() => done = true);
                worker.Start();
                Thread.Sleep(500);
                await Assert.That(done).IsTrue();
            }

            [Test]
            public async Task Delays_before_asserting()
            {
                var work = Task.Run(() => 42);
                await Task.Delay(500);
                await Assert.That(work.IsCompleted).IsTrue();
            }

            [Test]
            public async Task Polls_until_done()
            {
                var done = false;
                var worker = new Thread(() => done = true);
                worker.Start();
                for (var waited = 0; !done && waited < 5000; waited += 10)
                {
                    Thread.Sleep(10);
                }

                await Assert.That(done).IsTrue();
            }

            [Test]
            public async Task Races_the_work_against_a_timeout()
            {
                var work = Task.Run(() => 42);
                var first = await Task.WhenAny(work, Task.Delay(5000));
                await Assert.That(first).IsSameReferenceAs(work);
            }

            [Test]
            public async Task Yields_with_a_zero_delay()
            {
                var work = Task.Run(() => 42);
                await Task.Delay(0);
                await Assert.That(await work).IsEqualTo(42);
            }
        }
        """;
}
