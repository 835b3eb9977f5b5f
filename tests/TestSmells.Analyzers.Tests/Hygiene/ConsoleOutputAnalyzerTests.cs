using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST5002 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Hygiene.ConsoleOutputAnalyzer>;

namespace TestSmells.Analyzers.Tests.Hygiene;

public class ConsoleOutputAnalyzerTests
{
    private const string V3WithoutCapture = "xUnit v3 without [assembly: CaptureConsole]";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Finding(int location, string call, Flavor flavor)
        => Finding(location, call, flavor == Flavor.XunitV2 ? "xUnit v2" : V3WithoutCapture);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Finding(int location, string call, string framework)
        => new Microsoft.CodeAnalysis.Testing.DiagnosticResult("TST5002", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithArguments(call, framework);

    public static TheoryData<Flavor> CapturingFlavors()
        => new() { Flavor.NUnit3, Flavor.NUnit4, Flavor.MSTest3, Flavor.MSTest4, Flavor.TUnit };

    private const string EveryKindOfWrite = """
        Console.WriteLine("Created order {0}", 42);
        Console.Write(42);
        Console.Out.WriteLine("to stdout");
        Console.Error.Write("to stderr");
        """;

    private static string WithAssemblyAttribute(string attribute, string source)
        => source.Replace("public class OrderTests", attribute + "\npublic class OrderTests");

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    public Task Console_writes_in_an_xunit_test_are_reported(Flavor flavor)
        => VerifyTST5002.AnalyzerAsync(
            TestSource.Test(flavor, """
                {|#0:Console.WriteLine("Created order {0}", 42)|};
                {|#1:Console.Write(42)|};
                {|#2:Console.Out.WriteLine("to stdout")|};
                {|#3:Console.Error.Write("to stderr")|};
                """),
            flavor,
            expected: new[]
            {
                Finding(0, "Console.WriteLine", flavor),
                Finding(1, "Console.Write", flavor),
                Finding(2, "Console.Out.WriteLine", flavor),
                Finding(3, "Console.Error.Write", flavor),
            });

    [Theory]
    [MemberData(nameof(CapturingFlavors))]
    public Task Frameworks_that_capture_the_console_per_test_are_not_reported(Flavor flavor)
        => VerifyTST5002.AnalyzerAsync(TestSource.Test(flavor, EveryKindOfWrite), flavor);

    [Fact]
    public Task XunitV3_with_console_capture_on_is_not_reported()
        => VerifyTST5002.AnalyzerAsync(
            WithAssemblyAttribute("[assembly: CaptureConsole]", TestSource.Test(Flavor.XunitV3, EveryKindOfWrite)),
            Flavor.XunitV3);

    [Fact]
    public Task XunitV3_capture_that_leaves_a_stream_out_reports_writes_to_that_stream()
        => VerifyTST5002.AnalyzerAsync(
            WithAssemblyAttribute("[assembly: CaptureConsole(CaptureError = false)]", TestSource.Test(Flavor.XunitV3, """
                Console.WriteLine("captured");
                Console.Out.Write("captured");
                {|#0:Console.Error.WriteLine("lost")|};
                """)),
            Flavor.XunitV3,
            expected: Finding(0, "Console.Error.WriteLine", "xUnit v3 with [assembly: CaptureConsole] set to leave this stream out"));

    [Fact]
    public Task XunitV3_capture_of_another_assembly_does_not_count()
        => VerifyTST5002.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV3, """
                {|#0:Console.WriteLine("lost")|};
                GC.KeepAlive(new CaptureConsoleAttribute());
                """),
            Flavor.XunitV3,
            expected: Finding(0, "Console.WriteLine", V3WithoutCapture));

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    public Task Console_writes_in_helpers_setup_and_lambdas_of_a_test_class_are_reported(Flavor flavor)
        => VerifyTST5002.AnalyzerAsync(
            TestSource.Class(flavor, """
                    public OrderTests() { {|#0:Console.WriteLine("setup")|}; }

                    [Test]
                    public void Works()
                    {
                        Action log = () => {|#1:Console.WriteLine("in a lambda")|};
                        log();
                        Dump();
                    }

                    private static void Dump() => {|#2:Console.WriteLine("helper")|};
                """),
            flavor,
            expected: new[] { Finding(0, "Console.WriteLine", flavor), Finding(1, "Console.WriteLine", flavor), Finding(2, "Console.WriteLine", flavor) });

    [Theory]
    [InlineData(Flavor.XunitV2)]
    [InlineData(Flavor.XunitV3)]
    public Task A_static_constructor_runs_once_per_type_and_is_not_reported(Flavor flavor)
        => VerifyTST5002.AnalyzerAsync(
            TestSource.Class(flavor, """
                    private static readonly Action Trace = () => {|#2:Console.WriteLine("called by a test")|};

                    static OrderTests()
                    {
                        Console.WriteLine("Using provider {0}", "sqlite");
                        Console.Error.WriteLine("native types loaded");
                    }

                    [Test]
                    public void Works()
                    {
                        {|#0:Console.WriteLine("in the test")|};
                        Trace();
                        Print("helper");
                    }

                    private static void Print(string text) => {|#1:Console.WriteLine(text)|};
                """),
            flavor,
            expected: new[] { Finding(0, "Console.WriteLine", flavor), Finding(1, "Console.WriteLine", flavor), Finding(2, "Console.WriteLine", flavor) });

    [Fact]
    public Task Debug_trace_and_console_reads_are_not_reported()
        => VerifyTST5002.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV3, """
                System.Diagnostics.Debug.WriteLine("debug");
                System.Diagnostics.Trace.WriteLine("trace");
                var writer = new System.IO.StringWriter();
                writer.WriteLine("to a string");
                Console.SetOut(writer);
                GC.KeepAlive(Console.Out.Encoding);
                var key = Console.KeyAvailable;
                GC.KeepAlive(key);
                """),
            Flavor.XunitV3);

    [Fact]
    public Task Console_writes_in_an_expression_tree_are_not_executed()
        => VerifyTST5002.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV2, """
                System.Linq.Expressions.Expression<Action> described = () => Console.WriteLine("described");
                GC.KeepAlive(described);
                """),
            Flavor.XunitV2);

    [Fact]
    public Task Nested_fakes_and_production_classes_are_not_test_code()
        => VerifyTST5002.AnalyzerAsync(
            """
            using System;
            using Xunit;

            public class ConsoleMailer
            {
                public void Send(string to) => Console.WriteLine("mail to " + to);
            }

            public class OrderTests
            {
                private sealed class PrintingMailer
                {
                    public void Send(string to) => Console.WriteLine(to);
                }

                [Fact]
                public void Sends() => new ConsoleMailer().Send("ada");
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task A_compilation_without_a_test_framework_is_not_analyzed()
        => VerifyTST5002.AnalyzerAsync(
            """
            using System;

            public class Program
            {
                public static void Main() => Console.WriteLine("hello");
            }
            """,
            flavor: null);
}
