using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using VerifyTST5002 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Hygiene.ConsoleOutputAnalyzer>;

namespace TestSmells.Analyzers.Tests.Hygiene;

public class ConsoleOutputAnalyzerTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Info(int location, string call)
        => new Microsoft.CodeAnalysis.Testing.DiagnosticResult("TST5002", Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .WithLocation(location)
            .WithArguments(call);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Console_writes_in_a_test_are_reported(Flavor flavor)
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
                Info(0, "Console.WriteLine"),
                Info(1, "Console.Write"),
                Info(2, "Console.Out.WriteLine"),
                Info(3, "Console.Error.Write"),
            });

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
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
            expected: new[] { Info(0, "Console.WriteLine"), Info(1, "Console.WriteLine"), Info(2, "Console.WriteLine") });

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
            TestSource.Test(Flavor.NUnit4, """
                System.Linq.Expressions.Expression<Action> described = () => Console.WriteLine("described");
                GC.KeepAlive(described);
                """),
            Flavor.NUnit4);

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
