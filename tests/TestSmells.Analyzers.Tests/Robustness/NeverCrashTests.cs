using System;
using System.Linq;
using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Robustness;

/// <summary>
/// Every analyzer, over code that is awkward, unfinished or wrong: none may throw (AD0001), whatever
/// the input. <see cref="AllAnalyzers.RunAsync"/> fails on any analyzer exception.
/// </summary>
public class NeverCrashTests
{
    private const Libs Everything = Libs.Moq | Libs.NSubstitute | Libs.FakeItEasy | Libs.FluentAssertions | Libs.Shouldly;

    private const string Awkward = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Xunit;
        using Moq;
        using NSubstitute;
        using FakeItEasy;
        using FluentAssertions;

        public interface IClock { DateTime Now { get; } }

        public class PrimaryTests(IClock clock)
        {
            private static int _counter;
            private readonly List<int> _seen = [1, 2, 3];

            [Fact]
            public void Collections_and_primaries()
            {
                int[] values = [.. _seen, 4];
                Thread.Sleep(values.Length);
                _counter++;
                var mock = new Mock<IClock>();
                mock.Setup(c => c.Now).Returns(clock.Now).Verifiable();
                Assert.Equal(4, values.Length);
            }

            [Theory, InlineData(1)]
            public async Task Locals(int n)
            {
                await Wait();
                async Task Wait() { await Task.Delay(n); }
                static int Twice(int x) => x * 2;
                Twice(n).Should().Be(2);
            }

            [Fact] public void Empty() { }

            [Fact]
            public void Swallows()
            {
                try { throw new InvalidOperationException(); } catch { }
            }
        }

        file class FileLocalTests
        {
            [Fact] public void Works() => Thread.Sleep(1);
        }

        public partial class PartialTests<T> where T : new()
        {
            [Fact] public void Generic() { var value = new T(); Assert.NotNull(value); }
        }

        public partial class PartialTests<T>
        {
            public class NestedTests
            {
                [Fact] public void Nested() { var s = Substitute.For<IClock>(); _ = s.Now; }
            }
        }

        public record OrderRecord(int Id)
        {
            public DateTime Created { get; } = DateTime.UtcNow;
        }

        public struct Stamp { public DateTime At => DateTime.Now; }
        """;

    private const string Broken = """
        using System;
        using System.Threading;
        using Xunit;

        public class HalfTypedTests
        {
            [Fact]
            public void Unfinished()
            {
                Thread.Sleep(
                var x = DateTime.
                Assert.Equal(1,
            }

            [Fact(Skip = )]
            public void Missing(
            {
                await Task.Delay(100);
                new Mock<>();
                UnknownType.DoThings();
                Thread.Sleep(TimeSpan.FromSeconds(UnknownConstant));
            }

            [Fact]
            public async Task NoBody();

            [Theory
            public void
        }

        class {
        """;

    private const string TopLevel = """
        using System;
        using System.Threading;
        Thread.Sleep(10);
        Console.WriteLine(DateTime.Now);
        var random = new Random();
        static void Helper() => Thread.Sleep(5);
        """;

    [Fact]
    public async Task Awkward_but_valid_code_is_analyzed_without_exceptions()
    {
        var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV2, Everything, Awkward);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var diagnostics = await AllAnalyzers.RunAsync(compilation);

        // The analyzers did run (the sleep in a test is found), they just must not throw.
        Assert.Contains(diagnostics, d => d.Id == "TST1001");
    }

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public async Task Code_with_syntax_errors_and_unresolved_names_is_analyzed_without_exceptions(Flavor flavor)
    {
        var source = Broken.Replace("using Xunit;", TestSource.Usings(flavor)).Replace("[Fact", "[" + TestSource.TestAttribute(flavor));
        var compilation = await AllAnalyzers.CompileAsync(flavor, Everything, source);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

        await AllAnalyzers.RunAsync(compilation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Flavor.XunitV3)]
    public async Task Top_level_statements_are_analyzed_without_exceptions(Flavor? flavor)
    {
        var compilation = await AllAnalyzers.CompileAsync(flavor, Libs.None, TopLevel);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication));

        var diagnostics = await AllAnalyzers.RunAsync(compilation);

        // A Program is not a test class: nothing in it is test code.
        Assert.DoesNotContain(diagnostics, d => d.Id is "TST1001" or "TST1002");
    }

    [Fact]
    public async Task A_compilation_without_any_test_framework_is_analyzed_without_exceptions()
        => await AllAnalyzers.RunAsync(await AllAnalyzers.CompileAsync(null, Libs.None, Awkward.Replace("using Xunit;", "")));

    [Fact]
    public async Task Code_cut_at_many_points_as_in_an_editor_never_crashes_an_analyzer()
    {
        // Every prefix of the file at a fixed stride, as if the user were typing it from the top.
        var random = new Random(20251125);
        for (var i = 0; i < 40; i++)
        {
            var cut = random.Next(1, Awkward.Length);
            var compilation = await AllAnalyzers.CompileAsync(Flavor.XunitV2, Everything, Awkward[..cut]);
            try
            {
                await AllAnalyzers.RunAsync(compilation);
            }
            catch (InvalidOperationException exception)
            {
                throw new InvalidOperationException($"Cut at {cut}:\n{Awkward[..cut]}\n", exception);
            }
        }
    }
}
