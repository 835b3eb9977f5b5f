using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Performance;

/// <summary>
/// A compilation that references no test framework pays only the symbol look-up: the test-code
/// analyzers register no operation, syntax or symbol callbacks there at all.
/// </summary>
public class NoFrameworkCostTests
{
    private const string Source = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        public class OrderService
        {
            public async Task ShipAsync() { Thread.Sleep(10); await Task.Delay(10); }
        }
        """;

    private static bool AnalyzesProductionCode(DiagnosticAnalyzer analyzer)
        => (bool)typeof(TestSmellsAnalyzer)
            .GetProperty("AnalyzesProductionCode", BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(analyzer)!;

    /// <summary>The few rules that look at every compilation (TST1005): they decide per member.</summary>
    private static bool AnalyzesEveryCompilation(DiagnosticAnalyzer analyzer)
        => (bool)typeof(TestSmellsAnalyzer)
            .GetProperty("AnalyzesEveryCompilation", BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(analyzer)!;

    private static async Task<AnalyzerTelemetryInfo> TelemetryAsync(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true);
        // Every rule switched on, including those disabled by default (TST2005), so each analyzer runs.
        var allOn = analyzer.SupportedDiagnostics.ToImmutableDictionary(d => d.Id, _ => ReportDiagnostic.Warn);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(allOn));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }

    private static int RegisteredCallbacks(AnalyzerTelemetryInfo telemetry)
        => telemetry.OperationActionsCount + telemetry.OperationBlockActionsCount + telemetry.OperationBlockStartActionsCount
            + telemetry.OperationBlockEndActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.SyntaxTreeActionsCount
            + telemetry.SymbolActionsCount + telemetry.SymbolStartActionsCount + telemetry.SemanticModelActionsCount
            + telemetry.CodeBlockActionsCount + telemetry.CodeBlockStartActionsCount + telemetry.CompilationEndActionsCount;

    [Fact]
    public async Task Test_code_rules_register_nothing_where_no_test_framework_is_referenced()
    {
        var production = await AllAnalyzers.CompileAsync(null, Libs.None, Source);
        // The test project references every library some rule is about (a rule also bails out, rightly,
        // when its API is absent, e.g. TST2002 without the EF Core in-memory provider).
        var testProject = await AllAnalyzers.CompileAsync(
            Flavor.XunitV2, Libs.Moq | Libs.NSubstitute | Libs.FakeItEasy | Libs.EFCoreInMemory | Libs.FluentAssertions, Source);

        var testCodeRules = AllAnalyzers.Instances.Where(a => !AnalyzesProductionCode(a) && !AnalyzesEveryCompilation(a)).ToList();
        Assert.NotEmpty(testCodeRules);
        foreach (var analyzer in testCodeRules)
        {
            var inProduction = await TelemetryAsync(production, analyzer);
            Assert.True(inProduction.CompilationStartActionsCount == 1, $"{analyzer.GetType().Name} registers {inProduction.CompilationStartActionsCount} compilation start actions");
            Assert.True(RegisteredCallbacks(inProduction) == 0, $"{analyzer.GetType().Name} registers callbacks in a compilation without a test framework");

            // The same analyzer does register work where a framework is referenced (so the check above can fail).
            var inTests = await TelemetryAsync(testProject, analyzer);
            Assert.True(RegisteredCallbacks(inTests) > 0, $"{analyzer.GetType().Name} registers nothing even in a test project");
        }
    }

    [Fact]
    public async Task Production_code_rules_register_nothing_in_test_projects()
    {
        var testProject = await AllAnalyzers.CompileAsync(Flavor.NUnit4, Libs.None, Source);
        foreach (var analyzer in AllAnalyzers.Instances.Where(a => AnalyzesProductionCode(a) && !AnalyzesEveryCompilation(a)))
        {
            Assert.True(RegisteredCallbacks(await TelemetryAsync(testProject, analyzer)) == 0, analyzer.GetType().Name);
        }
    }

    [Fact]
    public async Task Every_compilation_rules_register_in_production_and_in_test_projects()
    {
        var production = await AllAnalyzers.CompileAsync(null, Libs.None, Source);
        var testProject = await AllAnalyzers.CompileAsync(Flavor.MSTest4, Libs.None, Source);
        var everywhere = AllAnalyzers.Instances.Where(AnalyzesEveryCompilation).ToList();
        Assert.NotEmpty(everywhere);
        foreach (var analyzer in everywhere)
        {
            Assert.True(RegisteredCallbacks(await TelemetryAsync(production, analyzer)) > 0, analyzer.GetType().Name);
            Assert.True(RegisteredCallbacks(await TelemetryAsync(testProject, analyzer)) > 0, analyzer.GetType().Name);
        }
    }

    private static int OperationCallbacks(AnalyzerTelemetryInfo telemetry)
        => telemetry.OperationActionsCount + telemetry.OperationBlockActionsCount + telemetry.OperationBlockStartActionsCount
            + telemetry.OperationBlockEndActionsCount + telemetry.CodeBlockActionsCount + telemetry.CodeBlockStartActionsCount;

    /// <summary>
    /// Any operation action makes the compiler build the operation tree of the code it covers. The
    /// production-code rules ask for none where there is nothing to find: TST1004 starts from the text of
    /// each file, TST1005 registers its per-call work only inside types that hold a TimeProvider.
    /// </summary>
    [Fact]
    public async Task Production_code_rules_ask_for_no_operation_tree_where_nothing_can_be_found()
    {
        const string WithoutProvider = """
            using System;
            using System.Threading.Tasks;

            public class OrderService
            {
                public DateTime Due() => DateTime.UtcNow.AddDays(3);
                public Task ShipAsync() => Task.Delay(10);
            }
            """;
        const string WithProvider = """
            using System;
            using System.Threading.Tasks;

            public class OrderService(TimeProvider clock)
            {
                public Task ShipAsync() => Task.Delay(10);
            }
            """;
        var production = await AllAnalyzers.CompileAsync(null, Libs.None, WithoutProvider);
        var holder = await AllAnalyzers.CompileAsync(null, Libs.None, WithProvider);
        var rules = AllAnalyzers.Instances.Where(a => AnalyzesProductionCode(a) || AnalyzesEveryCompilation(a)).ToList();
        Assert.Equal(2, rules.Count);
        foreach (var analyzer in rules)
        {
            var telemetry = await TelemetryAsync(production, analyzer);
            Assert.True(OperationCallbacks(telemetry) == 0, $"{analyzer.GetType().Name} registers operation callbacks in a type without a TimeProvider");
            Assert.True(RegisteredCallbacks(telemetry) > 0, $"{analyzer.GetType().Name} registers nothing in production code");
        }

        // The per-type registration of TST1005 is not in the compiler's counts (they cover compilation-wide
        // actions, which is what the check above rejects); that it still runs where a provider is held:
        var found = await AllAnalyzers.RunAsync(holder);
        Assert.Contains(found, d => d.Id == "TST1005");
    }
}
