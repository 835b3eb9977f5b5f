using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TestSmells.Analyzers.CodeFixes.Isolation;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Robustness;

/// <summary>
/// Bulk fixing the way <c>dotnet format analyzers</c> does it: it takes the first finding of a rule, the
/// first action the fixer offers for it (no action: no key), and asks the fixer's fix-all for the whole
/// solution with that key. When the first finding is one that has no fix, the rule's other findings must
/// still be fixed.
/// </summary>
public class FixAllWithoutKeyTests
{
    private static async Task<string> FormatLikeDotnetFormatAsync(CodeFixProvider fixer, string id, string source, Flavor flavor, Libs libs)
    {
        using var workspace = new AdhocWorkspace();
        var references = (await References.For(flavor, libs).ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .AddRange(References.Additional(flavor));
        var document = workspace.CurrentSolution
            .AddProject("Tests", "Tests", LanguageNames.CSharp)
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .AddDocument("Tests.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var findings = (await AllAnalyzers.RunAsync(compilation)).Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.True(findings.Count >= 2, $"expected at least two {id} findings, got {findings.Count}");

        // The first finding has no fix: the key dotnet format passes on is null.
        var offered = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, findings[0], (action, _) => offered.Add(action), CancellationToken.None));
        Assert.True(offered.Count == 0, $"the first {id} finding was meant to have no fix; it has {offered.Count}");

        var context = new FixAllContext(
            document, fixer, FixAllScope.Solution, codeActionEquivalenceKey: null!, new[] { id }, new Findings(findings), CancellationToken.None);
        var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        Assert.True(fixAll is not null, $"{fixer.GetType().Name}: no fix-all without an equivalence key");
        var applied = (await fixAll!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        return (await applied.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private sealed class Findings : FixAllContext.DiagnosticProvider
    {
        private readonly IReadOnlyList<Diagnostic> _findings;

        public Findings(IReadOnlyList<Diagnostic> findings) => _findings = findings;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_findings);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_findings);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_findings);
    }

    [Fact]
    public async Task Poll_fix_after_a_wait_that_ends_its_test()
    {
        var fixedText = await FormatLikeDotnetFormatAsync(new PollUntilAssertedCodeFix(), "TST1001", """
            using System.Threading;
            using Xunit;

            public class WorkerTests
            {
                private bool _done;

                [Fact]
                public void Settles() { _done = true; Thread.Sleep(100); }

                [Fact]
                public void Ships() { _done = true; Thread.Sleep(100); Assert.True(_done); }
            }
            """, Flavor.XunitV2, Libs.None);

        Assert.Contains("SpinWait.SpinUntil(() => _done", fixedText);
        Assert.Contains("public void Settles() { _done = true; Thread.Sleep(100); }", fixedText);
    }

    [Fact]
    public async Task Advance_fix_after_a_wait_without_a_fake_clock_and_the_poll_for_that_wait()
    {
        var fixedText = await FormatLikeDotnetFormatAsync(new AdvanceFakeClockCodeFix(), "TST1001", """
            using System;
            using System.Threading;
            using Microsoft.Extensions.Time.Testing;
            using Xunit;

            public class WorkerTests
            {
                [Fact]
                public void Settles() { Thread.Sleep(100); Assert.True(true != false); }

                [Fact]
                public void Expires()
                {
                    var clock = new FakeTimeProvider();
                    Thread.Sleep(TimeSpan.FromSeconds(30));
                    Assert.Equal(30, clock.GetUtcNow().Second - clock.Start.Second + 30);
                }
            }
            """, Flavor.XunitV2, Libs.TimeProviderTesting);

        Assert.Contains("clock.Advance(TimeSpan.FromSeconds(30));", fixedText);
        Assert.DoesNotContain("Thread.Sleep(100);", fixedText);
        Assert.Contains("SpinWait.SpinUntil(() => true != false", fixedText);
    }

    [Fact]
    public async Task Wall_clock_fix_falls_back_to_a_fixed_instant_after_a_read_in_a_loop()
    {
        var fixedText = await FormatLikeDotnetFormatAsync(new WallClockCodeFix(), "TST1003", """
            using System;
            using Xunit;

            public class ExpiryTests
            {
                [Fact]
                public void Waits()
                {
                    var deadline = new DateTime(2030, 1, 1);
                    while (DateTime.UtcNow.Year < deadline.Year) { break; }
                    Assert.True(deadline.Year == 2030);
                }

                [Fact]
                public void Expires()
                {
                    var now = DateTime.UtcNow;
                    Assert.True(now.Year >= 2000);
                }
            }
            """, Flavor.XunitV2, Libs.None);

        Assert.Contains("while (DateTime.UtcNow.Year < deadline.Year)", fixedText);
        Assert.DoesNotContain("var now = DateTime.UtcNow;", fixedText);
        Assert.Contains("var now = new DateTime(", fixedText);
    }

    [Fact]
    public async Task Fixed_seed_fix_after_a_random_inside_a_loop()
    {
        var fixedText = await FormatLikeDotnetFormatAsync(new UnseededRandomCodeFix(), "TST4003", """
            using System;
            using Xunit;

            public class DiceTests
            {
                [Fact]
                public void Rolls_many()
                {
                    for (var i = 0; i < 3; i++) { Assert.InRange(new Random().Next(1, 7), 1, 6); }
                }

                [Fact]
                public void Rolls()
                {
                    var roll = new Random().Next(1, 7);
                    Assert.InRange(roll, 1, 6);
                }
            }
            """, Flavor.XunitV2, Libs.None);

        Assert.Contains("Assert.InRange(new Random().Next(1, 7), 1, 6);", fixedText);
        Assert.DoesNotContain("var roll = new Random().Next(1, 7);", fixedText);
    }

    [Fact]
    public async Task Provider_fix_after_a_delay_with_named_arguments()
    {
        var fixedText = await FormatLikeDotnetFormatAsync(new PassTimeProviderCodeFix(), "TST1005", """
            using System;
            using System.Threading.Tasks;

            public class Retrier(TimeProvider clock)
            {
                public Task First() => Task.Delay(millisecondsDelay: 100);

                public Task Second() => Task.Delay(200);
            }
            """, Flavor.XunitV2, Libs.None);

        Assert.Contains("Task.Delay(millisecondsDelay: 100)", fixedText);
        Assert.Contains("Task.Delay(TimeSpan.FromMilliseconds(200), clock)", fixedText);
    }

    [Fact]
    public async Task Console_fix_after_a_write_with_named_arguments()
    {
        var fixedText = await FormatLikeDotnetFormatAsync(new TestSmells.Analyzers.CodeFixes.Hygiene.ConsoleOutputCodeFix(), "TST5002", """
            using System;
            using Xunit;

            public class ReportTests
            {
                [Fact]
                public void Prints()
                {
                    Console.WriteLine(value: "first");
                    Console.WriteLine("total");
                    Assert.Equal(1, 1);
                }
            }
            """, Flavor.XunitV3, Libs.None);

        Assert.Contains("Console.WriteLine(value: \"first\");", fixedText);
        Assert.Contains("TestContext.Current.TestOutputHelper?.WriteLine(\"total\");", fixedText);
    }
}
