using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TestSmells.Analyzers.CodeFixes.Time;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Time;

/// <summary>The Time analyzers never throw, whatever half-typed code they meet (test and production compilations).</summary>
public class TimeRulesRobustnessTests
{
    private const string HalfTyped = """
        using System;
        using System.Linq.Expressions;
        using System.Threading;
        using System.Threading.Tasks;

        public partial class Clocks(TimeProvider tp, int)
        {
            private readonly Timer _t = new Timer(
            public DateTime A => DateTime.;
            public DateTime B => DateTime.UtcNow.
            public async Task C()
            {
                await Task.Delay(;
                Thread.Sleep();
                Thread.Sleep(500)
                await Task.Delay(TimeSpan.FromSeconds(1), tp, ).WaitAsync(;
                using var cts = new CancellationTokenSource(;
                var x = new Timer(_ => { }, null, , );
                Expression<Func<DateTime>> e = () => DateTime.UtcNow;
                await ((Task)null!).WaitAsync(TimeSpan.FromSeconds(1)
            }
            public static DateTime D() => DateTime.Now;
            struct S { DateTime N => DateTime.Today; Func<DateTime> F => () => DateTimeOffset.Now.DateTime; }
        }

        public sealed class Ticker : TimeProvider { public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow; }
        public record R(int X) { public DateTime Y { get; } = DateTime.UtcNow; }
        """;

    [Theory]
    [InlineData(null)]
    [InlineData(Flavor.XunitV3)]
    [InlineData(Flavor.NUnit4)]
    [InlineData(Flavor.MSTest4)]
    [InlineData(Flavor.TUnit)]
    public async Task Half_typed_code_does_not_crash_any_analyzer(Flavor? flavor)
    {
        var test = flavor is null
            ? string.Empty
            : TestSource.Test(flavor.Value, """
                Thread.Sleep(
                        await Task.Delay(100).ConfigureAwait(;
                        Assert.True(
                        var now = DateTime.UtcNow.;
                """, isAsync: true);
        var compilation = await AllAnalyzers.CompileAsync(flavor, Libs.TimeProviderTesting, HalfTyped, test);
        await AllAnalyzers.RunAsync(compilation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.NUnit3)]
    public async Task Every_Time_fix_survives_every_diagnostic_of_half_typed_code(Flavor? flavor)
    {
        var test = flavor is null
            ? string.Empty
            : TestSource.Class(flavor.Value, """
                    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _fake = new();

                    [Test]
                    public async Task Works()
                    {
                        Thread.Sleep(100);
                        Assert.That(
                        await Task.Delay(100);
                        Assert.Equal(1, );
                        Thread.Sleep(TimeSpan.FromSeconds(1));
                        var now = DateTime.UtcNow;
                        TimeProvider p = TimeProvider.System;
                    }
                """);
        using var workspace = new AdhocWorkspace();
        var references = await References.For(flavor, Libs.TimeProviderTesting).ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var project = workspace.CurrentSolution
            .AddProject("Demo", "Demo", LanguageNames.CSharp)
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        project = project.AddDocument("A.cs", SourceText.From(HalfTyped)).Project;
        project = project.AddDocument("B.cs", SourceText.From(test)).Project;
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await AllAnalyzers.RunAsync(compilation);
        Assert.NotEmpty(diagnostics);

        var fixers = new CodeFixProvider[]
        {
            new PollUntilAssertedCodeFix(), new AdvanceFakeClockCodeFix(), new WallClockCodeFix(), new InjectTimeProviderCodeFix(), new PassTimeProviderCodeFix(),
        };
        foreach (var diagnostic in diagnostics)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                await fixer.RegisterCodeFixesAsync(context);
                foreach (var action in actions)
                {
                    await action.GetOperationsAsync(CancellationToken.None);
                }
            }
        }
    }
}
