using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST4006 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Isolation.FixedSharedPathAnalyzer>;

namespace TestSmells.Analyzers.Tests.Isolation;

public class FixedSharedPathAnalyzerTests
{
    private const string IO = "using System.IO;";

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Writing_a_fixed_name_under_the_temp_folder_is_reported(Flavor flavor)
        => VerifyTST4006.AnalyzerAsync(
            TestSource.Test(flavor, """
                var path = Path.Combine(Path.GetTempPath(), "orders.json");
                File.WriteAllText({|TST4006:path|}, "[]");
                GC.KeepAlive(File.ReadAllText(path));
                """, extraUsings: IO),
            flavor);

    [Fact]
    public Task Every_write_api_and_every_shared_root_is_reported()
        => VerifyTST4006.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV3, """
                var temp = Path.GetTempPath();
                var folder = Path.Combine(temp, "orders-tests");
                Directory.CreateDirectory({|TST4006:folder|});
                File.WriteAllBytes({|TST4006:Path.Combine(folder, "a.bin")|}, new byte[1]);
                File.AppendAllText({|TST4006:temp + "log.txt"|}, "x");
                File.Copy("seed.db", {|TST4006:Path.Combine(Environment.CurrentDirectory, "copy.db")|}, true);
                File.Move("a", {|TST4006:$"{Directory.GetCurrentDirectory()}/moved.txt"|});
                using (var stream = File.Create({|TST4006:Path.Join(AppContext.BaseDirectory, "out", "report.csv")|})) { }
                using (var stream = File.Open({|TST4006:Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "x.txt")|}, FileMode.OpenOrCreate)) { }
                using (var stream = new FileStream({|TST4006:"data/result.bin"|}, FileMode.Create)) { }
                using (var writer = new StreamWriter({|TST4006:"output.txt"|})) { }
                using (var stream = File.Open({|TST4006:"shared.lock"|}, FileMode.Open, FileAccess.ReadWrite)) { }
                """, extraUsings: IO),
            Flavor.XunitV3);

    [Fact]
    public Task Constants_and_locals_assigned_once_are_followed()
        => VerifyTST4006.AnalyzerAsync(
            TestSource.Class(Flavor.NUnit4, """
                    private const string FileName = "cache.json";

                    [Test]
                    public async Task Works()
                    {
                        var root = Path.GetTempPath();
                        var name = FileName;
                        string path = Path.Combine(root, "orders", name);
                        await File.WriteAllTextAsync({|TST4006:path|}, "{}");
                    }
                """, IO),
            Flavor.NUnit4);

    [Fact]
    public Task A_unique_part_keeps_the_rule_silent()
        => VerifyTST4006.AnalyzerAsync(
            TestSource.Test(Flavor.NUnit4, """
                var a = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "orders.json");
                var b = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
                var c = Path.GetTempFileName();
                var d = Path.Combine(Path.GetTempPath(), TestContext.CurrentContext.Test.Name + ".json");
                var e = Directory.CreateTempSubdirectory().FullName;
                File.WriteAllText(a, "x");
                File.WriteAllText(b, "x");
                File.WriteAllText(c, "x");
                File.WriteAllText(d, "x");
                File.WriteAllText(Path.Combine(e, "orders.json"), "x");
                """, extraUsings: IO),
            Flavor.NUnit4);

    [Fact]
    public Task Parameters_fields_reassigned_locals_and_absolute_paths_are_not_followed()
        => VerifyTST4006.AnalyzerAsync(
            TestSource.Class(Flavor.XunitV2, """
                    private readonly string _folder = Path.Combine(Path.GetTempPath(), "orders");

                    [Theory]
                    [InlineData("a.json")]
                    public void Works(string name)
                    {
                        File.WriteAllText(Path.Combine(Path.GetTempPath(), name), "x");
                        File.WriteAllText(Path.Combine(_folder, "a.json"), "x");
                        var path = Path.Combine(Path.GetTempPath(), "b.json");
                        path = Path.ChangeExtension(path, ".txt");
                        File.WriteAllText(path, "x");
                        File.WriteAllText("/var/data/orders.json", "x");
                        File.WriteAllText(Path.Combine(Path.GetTempPath(), "/abs/path.json"), "x");
                        Directory.CreateDirectory(Path.GetTempPath());
                    }
                """, IO),
            Flavor.XunitV2);

    [Fact]
    public Task Reading_and_deleting_are_not_writes()
        => VerifyTST4006.AnalyzerAsync(
            TestSource.Test(Flavor.MSTest4, """
                var path = Path.Combine(AppContext.BaseDirectory, "TestData", "orders.json");
                GC.KeepAlive(File.ReadAllText(path));
                using (var stream = File.Open(path, FileMode.Open, FileAccess.Read)) { }
                using (var stream = new FileStream(path, FileMode.Open)) { }
                using (var reader = new StreamReader(path)) { }
                GC.KeepAlive(File.Exists(path));
                File.Copy(path, Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()));
                """, extraUsings: IO),
            Flavor.MSTest4);

    [Fact]
    public Task Nested_fakes_production_code_and_expression_trees_are_not_reported()
        => VerifyTST4006.AnalyzerAsync(
            """
            using System;
            using System.IO;
            using Xunit;

            public class Exporter
            {
                public void Export() => File.WriteAllText(Path.Combine(Path.GetTempPath(), "export.csv"), "x");
            }

            public class ExporterTests
            {
                private sealed class FakeStore
                {
                    public void Save() => File.WriteAllText("fake.json", "x");
                }

                [Fact]
                public void Exports()
                {
                    System.Linq.Expressions.Expression<Action> described = () => File.WriteAllText("described.txt", "x");
                    GC.KeepAlive(described);
                    Assert.NotNull(new Exporter());
                }
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task The_message_names_the_call_and_the_shared_folder()
        => VerifyTST4006.AnalyzerAsync(
            TestSource.Test(Flavor.TUnit, """
                File.WriteAllText({|#0:Path.Combine(Path.GetTempPath(), "a.txt")|}, "x");
                using var writer = new StreamWriter({|#1:"b.txt"|});
                """, extraUsings: IO),
            Flavor.TUnit,
            expected: new[]
            {
                VerifyTST4006.Diagnostic("TST4006").WithSeverity(DiagnosticSeverity.Info).WithLocation(0).WithArguments("File.WriteAllText", "the temp folder"),
                VerifyTST4006.Diagnostic("TST4006").WithSeverity(DiagnosticSeverity.Info).WithLocation(1).WithArguments("new StreamWriter", "the working directory"),
            });

    [Theory]
    [InlineData(Flavor.XunitV2, "[assembly: CollectionBehavior(DisableTestParallelization = true)]")]
    [InlineData(Flavor.XunitV3, "[assembly: CollectionBehavior(DisableTestParallelization = true)]")]
    [InlineData(Flavor.NUnit3, "")]
    [InlineData(Flavor.NUnit4, "[assembly: Parallelizable(ParallelScope.None)]")]
    [InlineData(Flavor.MSTest3, "")]
    [InlineData(Flavor.MSTest4, "[assembly: DoNotParallelize]")]
    public Task A_working_directory_name_is_not_reported_where_the_assembly_runs_one_test_at_a_time(Flavor flavor, string assemblyAttribute)
        => VerifyTST4006.AnalyzerAsync(
            TestSource.Test(flavor, """
                File.WriteAllText("NLog.config", "<nlog />");
                using (var stream = new FileStream(Path.Combine(AppContext.BaseDirectory, "lock.log"), FileMode.Create)) { }
                File.WriteAllText({|TST4006:Path.Combine(Path.GetTempPath(), "shared.txt")|}, "x");
                """, extraUsings: IO + "\n" + assemblyAttribute),
            flavor);

    [Fact]
    public Task A_serial_fixture_or_test_is_not_reported_in_a_parallel_assembly()
        => VerifyTST4006.AnalyzerAsync(
            """
            using System.IO;
            using NUnit.Framework;

            [assembly: Parallelizable(ParallelScope.Fixtures)]

            [NonParallelizable]
            public class SerialFixture
            {
                [Test]
                public void Works() => File.WriteAllText("serial.txt", "x");
            }

            public class ParallelFixture
            {
                [Test, NonParallelizable]
                public void Alone() => File.WriteAllText("alone.txt", "x");

                [Test]
                public void Shared() => File.WriteAllText({|TST4006:"shared.txt"|}, "x");
            }
            """,
            Flavor.NUnit4);

    [Theory]
    [InlineData(Flavor.XunitV2, "")]
    [InlineData(Flavor.XunitV3, "[assembly: CollectionBehavior(DisableTestParallelization = false)]")]
    [InlineData(Flavor.NUnit4, "[assembly: Parallelizable(ParallelScope.Fixtures)]")]
    [InlineData(Flavor.MSTest4, "[assembly: Parallelize(Workers = 0, Scope = ExecutionScope.MethodLevel)]")]
    [InlineData(Flavor.TUnit, "")]
    public Task A_working_directory_name_is_reported_where_tests_run_in_parallel(Flavor flavor, string assemblyAttribute)
        => VerifyTST4006.AnalyzerAsync(
            TestSource.Test(flavor, """
                File.WriteAllText({|TST4006:"orders.json"|}, "[]");
                """, extraUsings: IO + "\n" + assemblyAttribute),
            flavor);

    [Fact]
    public Task A_TUnit_test_marked_not_in_parallel_is_not_reported()
        => VerifyTST4006.AnalyzerAsync(
            TestSource.Class(Flavor.TUnit, """
                    [Test, NotInParallel]
                    public void Works() => File.WriteAllText("orders.json", "[]");
                """, IO),
            Flavor.TUnit);

    [Fact]
    public Task A_compilation_without_a_test_framework_is_production_code()
        => VerifyTST4006.AnalyzerAsync(
            """
            using System.IO;

            public class ExportTests
            {
                public void Export() => File.WriteAllText(Path.Combine(Path.GetTempPath(), "export.csv"), "x");
            }
            """,
            flavor: null);
}
