using System.Threading.Tasks;
using TestSmells.Analyzers.CodeFixes.Hygiene;
using TestSmells.Analyzers.Hygiene;
using TestSmells.Analyzers.Tests.Infrastructure;

namespace TestSmells.Analyzers.Tests.Hygiene;

public class ConsoleOutputCodeFixTests
{
    private static Task FixAsync(string source, string fixedSource, Flavor flavor, string key)
        => VerifyFix<ConsoleOutputAnalyzer, ConsoleOutputCodeFix>.CodeFixAsync(source, fixedSource, flavor, equivalenceKey: key);

    private static Task NoFixAsync(string source, Flavor flavor)
        => VerifyFix<ConsoleOutputAnalyzer, ConsoleOutputCodeFix>.NoFixAsync(source, flavor);

    [Fact]
    public Task XunitV3_writes_to_the_current_test_output_helper()
        => FixAsync(
            """
            using System;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Creates_an_order()
                {
                    var total = 42;
                    {|TST5002:Console.WriteLine("Total: {0}", total)|};
                    {|TST5002:Console.Out.Write($"Total: {total}")|};
                    Assert.Equal(42, total);
                }

                [Fact]
                public void Ships_an_order()
                {
                    var shipped = "shipping";
                    {|TST5002:Console.WriteLine(shipped)|};
                    Assert.StartsWith("ship", shipped);
                }
            }
            """,
            """
            using System;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Creates_an_order()
                {
                    var total = 42;
                    TestContext.Current.TestOutputHelper?.WriteLine("Total: {0}", total);
                    TestContext.Current.TestOutputHelper?.Write($"Total: {total}");
                    Assert.Equal(42, total);
                }

                [Fact]
                public void Ships_an_order()
                {
                    var shipped = "shipping";
                    TestContext.Current.TestOutputHelper?.WriteLine(shipped);
                    Assert.StartsWith("ship", shipped);
                }
            }
            """,
            Flavor.XunitV3,
            ConsoleOutputCodeFix.XunitV3Key);

    [Fact]
    public Task XunitV2_injects_one_output_helper_per_class()
        => FixAsync(
            """
            using System;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Creates_an_order()
                {
                    {|TST5002:Console.WriteLine("creating")|};
                    {|TST5002:Console.WriteLine("Total: {0} {1}", 42, "EUR")|};
                    Assert.Equal(2, 1 + 1);
                }

                [Fact]
                public void Ships_an_order()
                {
                    {|TST5002:Console.WriteLine("shipping")|};
                    Assert.Equal(2, 1 + 1);
                }
            }

            public class InvoiceTests
            {
                private readonly int _number;

                public InvoiceTests()
                {
                    _number = 7;
                }

                [Fact]
                public void Sends_an_invoice()
                {
                    {|TST5002:Console.WriteLine("sending")|};
                    Assert.Equal(7, _number);
                }
            }
            """,
            """
            using System;
            using Xunit;
            using Xunit.Abstractions;

            public class OrderTests
            {
                private readonly ITestOutputHelper _output;

                public OrderTests(ITestOutputHelper output)
                {
                    _output = output;
                }

                [Fact]
                public void Creates_an_order()
                {
                    _output.WriteLine("creating");
                    _output.WriteLine("Total: {0} {1}", 42, "EUR");
                    Assert.Equal(2, 1 + 1);
                }

                [Fact]
                public void Ships_an_order()
                {
                    _output.WriteLine("shipping");
                    Assert.Equal(2, 1 + 1);
                }
            }

            public class InvoiceTests
            {
                private readonly int _number;
                private readonly ITestOutputHelper _output;

                public InvoiceTests(ITestOutputHelper output)
                {
                    _output = output;
                    _number = 7;
                }

                [Fact]
                public void Sends_an_invoice()
                {
                    _output.WriteLine("sending");
                    Assert.Equal(7, _number);
                }
            }
            """,
            Flavor.XunitV2,
            ConsoleOutputCodeFix.XunitV2Key);

    [Fact]
    public Task XunitV2_reuses_an_injected_output_helper()
        => FixAsync(
            """
            using System;
            using Xunit;
            using Xunit.Abstractions;

            public class OrderTests
            {
                private readonly ITestOutputHelper _log;

                public OrderTests(ITestOutputHelper log) => _log = log;

                [Fact]
                public void Creates_an_order()
                {
                    {|TST5002:Console.WriteLine("creating")|};
                    Assert.NotNull(_log);
                }
            }
            """,
            """
            using System;
            using Xunit;
            using Xunit.Abstractions;

            public class OrderTests
            {
                private readonly ITestOutputHelper _log;

                public OrderTests(ITestOutputHelper log) => _log = log;

                [Fact]
                public void Creates_an_order()
                {
                    _log.WriteLine("creating");
                    Assert.NotNull(_log);
                }
            }
            """,
            Flavor.XunitV2,
            ConsoleOutputCodeFix.XunitV2Key);

    [Fact]
    public Task No_fix_when_the_xunit_helper_has_no_matching_overload()
        => NoFixAsync(
            """
            using System;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Creates_an_order()
                {
                    {|TST5002:Console.WriteLine()|};
                    {|TST5002:Console.WriteLine(42)|};
                    {|TST5002:Console.WriteLine(value: "named")|};
                    Assert.Equal(2, 1 + 1);
                }
            }
            """,
            Flavor.XunitV3);

    [Fact]
    public Task No_fix_for_Write_on_xunit_v2_or_for_static_members()
        => NoFixAsync(
            """
            using System;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Creates_an_order()
                {
                    {|TST5002:Console.Write("no Write on ITestOutputHelper")|};
                    Log("x");
                    Assert.Equal(2, 1 + 1);
                }

                private static void Log(string message) => {|TST5002:Console.WriteLine(message)|};
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task No_xunit_v2_injection_into_a_class_that_others_derive_from()
        => NoFixAsync(
            """
            using System;
            using Xunit;

            public abstract class ApiTest
            {
                protected void Log(string message) => {|TST5002:Console.WriteLine(message)|};
            }

            public class OrderTests : ApiTest
            {
                [Fact]
                public void Creates_an_order()
                {
                    Log("creating");
                    Assert.Equal(2, 1 + 1);
                }
            }

            public class SlowOrderTests : OrderTests
            {
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task No_xunit_v2_injection_into_a_test_class_with_derived_classes()
        => NoFixAsync(
            """
            using System;
            using Xunit;

            public class OrderTests
            {
                [Fact]
                public void Creates_an_order()
                {
                    {|TST5002:Console.WriteLine("creating")|};
                    Assert.Equal(2, 1 + 1);
                }
            }

            public class SlowOrderTests : OrderTests
            {
            }
            """,
            Flavor.XunitV2);
}
