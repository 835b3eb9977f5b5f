using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.SuiteGeneration;
using static TestSmells.Analyzers.Tests.Robustness.GeneratedSuites;

namespace TestSmells.Analyzers.Tests.Robustness;

/// <summary>
/// The suites of the benchmark's generator, which carry smells of every rule among honest tests:
/// every analyzer reports exactly on the lines the generator marks, the same way on every run,
/// nothing throws on the code cut as in an editor, and missing references degrade to silence.
/// </summary>
public class GeneratedSuiteTests
{
    public static TheoryData<SuiteFlavor> AllFlavors() => new() { SuiteFlavor.Xunit, SuiteFlavor.NUnit, SuiteFlavor.MSTest, SuiteFlavor.Production };

    public static TheoryData<SuiteFlavor> TestFlavors() => new() { SuiteFlavor.Xunit, SuiteFlavor.NUnit, SuiteFlavor.MSTest };

    [Fact]
    public void The_generated_suites_carry_a_smell_of_every_rule()
    {
        var marked = new[] { SuiteFlavor.Xunit, SuiteFlavor.NUnit, SuiteFlavor.MSTest, SuiteFlavor.Production }
            .SelectMany(flavor => SuiteGenerator.Generate(Options(flavor)).Concat(SuiteGenerator.Library(Options(flavor))))
            .SelectMany(file => file.Text.Split('\n'))
            .Where(line => line.Contains(SuiteGenerator.ExpectMarker, StringComparison.Ordinal))
            .SelectMany(line => line[(line.IndexOf(SuiteGenerator.ExpectMarker, StringComparison.Ordinal) + SuiteGenerator.ExpectMarker.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet();

        Assert.Equal(AllAnalyzers.Descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), marked.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllFlavors))]
    public async Task Every_rule_reports_exactly_on_the_marked_lines(SuiteFlavor flavor)
    {
        var compilation = await CompileAsync(Options(flavor));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

        var found = Found(await AllAnalyzers.RunAsync(compilation));
        var expected = Expected(compilation);

        Assert.True(
            found.SetEquals(expected),
            $"Missing:\n{string.Join("\n", expected.Except(found))}\nUnexpected:\n{string.Join("\n", found.Except(expected))}");
    }

    [Theory]
    [MemberData(nameof(AllFlavors))]
    public async Task Findings_are_identical_on_every_run_and_with_sequential_analysis(SuiteFlavor flavor)
    {
        var compilation = await CompileAsync(Options(flavor));

        var first = await AllAnalyzers.RunAsync(compilation);
        var second = await AllAnalyzers.RunAsync(compilation);
        var sequential = await AllAnalyzers.RunAsync(compilation, concurrentAnalysis: false);

        var expected = first.Select(Describe).OrderBy(d => d, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, second.Select(Describe).OrderBy(d => d, StringComparer.Ordinal));
        Assert.Equal(expected, sequential.Select(Describe).OrderBy(d => d, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestFlavors))]
    public async Task Code_cut_at_random_points_never_crashes_an_analyzer(SuiteFlavor flavor)
    {
        var options = Options(flavor, tests: 20);
        var files = SuiteGenerator.Generate(options).ToList();
        var (path, text) = files.Single(f => f.Path.StartsWith("Tests/", StringComparison.Ordinal));
        var random = new Random(20251125 + (int)flavor);
        for (var i = 0; i < 12; i++)
        {
            // Half the time the file as typed from the top up to the cut, half the time with a selection deleted.
            var start = random.Next(1, text.Length);
            var edited = i % 2 == 0 ? text[..start] : text.Remove(start, Math.Min(random.Next(1, 400), text.Length - start));
            var compilation = await CompileAsync(options, files: files.Select(f => f.Path == path ? (path, edited) : f));
            try
            {
                await AllAnalyzers.RunAsync(compilation);
            }
            catch (InvalidOperationException exception)
            {
                throw new InvalidOperationException($"Edit {i} at {start} of {path}:\n{edited}\n", exception);
            }
        }
    }

    /// <summary>
    /// References a broken build may lack, per flavour (by file name): the test framework, the mocking
    /// and assertion libraries, EF Core, the code under test.
    /// </summary>
    public static TheoryData<SuiteFlavor, string> MissingReferences() => new()
    {
        { SuiteFlavor.Xunit, "xunit" },
        { SuiteFlavor.Xunit, "Moq" },
        { SuiteFlavor.Xunit, "FluentAssertions" },
        { SuiteFlavor.Xunit, "Microsoft.EntityFrameworkCore" },
        { SuiteFlavor.Xunit, "Shop" },
        { SuiteFlavor.NUnit, "nunit" },
        { SuiteFlavor.NUnit, "Moq" },
        { SuiteFlavor.NUnit, "Shop" },
        { SuiteFlavor.MSTest, "Microsoft.VisualStudio.TestPlatform" },
        { SuiteFlavor.MSTest, "Moq" },
        { SuiteFlavor.MSTest, "Shop" },
    };

    [Theory]
    [MemberData(nameof(MissingReferences))]
    public async Task A_missing_reference_degrades_to_silence_not_to_false_findings(SuiteFlavor flavor, string missing)
    {
        var options = Options(flavor);
        var complete = await CompleteFindingsAsync(flavor);

        var removed = new List<string>();
        var broken = await CompileAsync(options, keepReference: name =>
        {
            var drop = name.StartsWith(missing, StringComparison.OrdinalIgnoreCase);
            if (drop)
            {
                removed.Add(name);
            }

            return !drop;
        });
        Assert.NotEmpty(removed);
        var found = Found(await AllAnalyzers.RunAsync(broken));

        Assert.True(found.IsSubsetOf(complete), "Reported only without " + missing + ":\n" + string.Join("\n", found.Except(complete)));
    }

    [Theory]
    [MemberData(nameof(TestFlavors))]
    public async Task Unresolved_types_degrade_to_silence_not_to_false_findings(SuiteFlavor flavor)
    {
        var options = Options(flavor);
        var complete = await CompleteFindingsAsync(flavor);

        // Names of the code under test misspelt in every test file: its types do not resolve there.
        var files = SuiteGenerator.Generate(options)
            .Select(f => (f.Path, f.Text.Replace("PricingService", "PriceService").Replace("IOrderRepository", "IOrderRepo").Replace("Order(", "Ordr(")));
        var broken = await CompileAsync(options, files: files);
        Assert.Contains(broken.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var found = Found(await AllAnalyzers.RunAsync(broken));

        Assert.True(found.IsSubsetOf(complete), "Reported only with unresolved types:\n" + string.Join("\n", found.Except(complete)));
    }
}
