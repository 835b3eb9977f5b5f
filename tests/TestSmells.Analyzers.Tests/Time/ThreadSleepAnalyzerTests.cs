using System.Threading.Tasks;
using TestSmells.Analyzers.Tests.Infrastructure;
using TestSmells.Analyzers.Time;
using VerifyTST1001 = TestSmells.Analyzers.Tests.Infrastructure.Verify<TestSmells.Analyzers.Time.ThreadSleepAnalyzer>;

namespace TestSmells.Analyzers.Tests.Time;

public class ThreadSleepAnalyzerTests
{
    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Sleep_in_a_test_method_is_reported(Flavor flavor)
        => VerifyTST1001.AnalyzerAsync(
            TestSource.Test(flavor, """
                var order = new object();
                {|TST1001:Thread.Sleep(500)|};
                GC.KeepAlive(order);
                """),
            flavor);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task Sleep_in_a_helper_and_in_setup_of_a_test_class_is_reported(Flavor flavor)
        => VerifyTST1001.AnalyzerAsync(
            TestSource.Class(flavor, """
                    public OrderTests() { {|TST1001:Thread.Sleep(TimeSpan.FromSeconds(1))|}; }

                    [Test]
                    public void Works() => WaitForWorker();

                    private static void WaitForWorker() => {|TST1001:Thread.Sleep(200)|};
                """),
            flavor);

    [Fact]
    public Task Sleep_in_a_base_class_of_a_test_class_is_reported()
        => VerifyTST1001.AnalyzerAsync(
            """
            using System.Threading;
            using Xunit;

            public abstract class IntegrationTest
            {
                protected void Settle() => {|TST1001:Thread.Sleep(100)|};
            }

            public class OrderTests : IntegrationTest
            {
                [Fact]
                public void Works() => Settle();
            }
            """,
            Flavor.XunitV3);

    [Fact]
    public Task Sleep_in_a_local_function_of_a_test_is_reported()
        => VerifyTST1001.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV2, """
                Pause();
                void Pause() => {|TST1001:Thread.Sleep(50)|};
                """),
            Flavor.XunitV2);

    [Fact]
    public Task Theory_and_custom_fact_attributes_are_tests()
        => VerifyTST1001.AnalyzerAsync(
            """
            using System.Threading;
            using Xunit;

            public sealed class SlowFactAttribute : FactAttribute { }

            public class OrderTests
            {
                [Theory]
                [InlineData(1)]
                public void Priced(int quantity) => {|TST1001:Thread.Sleep(quantity)|};

                [SlowFact]
                public void Shipped() => {|TST1001:Thread.Sleep(10)|};
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task NUnit_test_case_attributes_make_tests()
        => VerifyTST1001.AnalyzerAsync(
            """
            using System.Threading;
            using NUnit.Framework;

            public static class Pause { public static void Briefly() => Thread.Sleep(10); }

            public class OrderTests
            {
                [TestCase(1)]
                public void Priced(int quantity) => {|TST1001:Thread.Sleep(quantity)|};
            }
            """,
            Flavor.NUnit4);

    [Theory]
    [InlineData("Thread.Sleep(0);")]
    [InlineData("Thread.Sleep(TimeSpan.Zero);")]
    [InlineData("Thread.Sleep(TimeSpan.FromMilliseconds(0));")]
    [InlineData("Thread.Sleep(Timeout.Infinite);")]
    [InlineData("Thread.Sleep(Timeout.InfiniteTimeSpan);")]
    public Task Zero_and_infinite_sleeps_are_not_fixed_waits(string statement)
        => VerifyTST1001.AnalyzerAsync(TestSource.Test(Flavor.XunitV3, statement), Flavor.XunitV3);

    [Theory]
    [InlineData("Thread.Sleep(1);")]
    [InlineData("Thread.Sleep(TimeSpan.FromMilliseconds(1));")]
    [InlineData("Thread.Sleep(new Random(3).Next(1, 100));")]
    public Task A_one_millisecond_tick_and_simulated_random_work_are_not_fixed_waits(string statement)
        => VerifyTST1001.AnalyzerAsync(TestSource.Test(Flavor.NUnit4, statement), Flavor.NUnit4);

    [Theory]
    [MemberData(nameof(TestSource.Flavors), MemberType = typeof(TestSource))]
    public Task A_sleep_inside_a_polling_loop_is_not_reported(Flavor flavor)
        => VerifyTST1001.AnalyzerAsync(
            TestSource.Test(flavor, """
                var done = false;
                var deadline = DateTime.UtcNow.AddSeconds(5);
                while (!done && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(20);
                    done = true;
                }
                do { Thread.Sleep(10); } while (!done);
                for (var attempt = 0; attempt < 3 && !done; attempt++) Thread.Sleep(10);
                """),
            flavor);

    [Fact]
    public Task A_sleep_inside_a_lambda_is_the_input_of_the_test_not_a_wait()
        => VerifyTST1001.AnalyzerAsync(
            TestSource.Test(Flavor.XunitV2, """
                var slowWork = Task.Run(() => Thread.Sleep(100));
                Action slow = delegate { Thread.Sleep(100); };
                System.Linq.Expressions.Expression<Action> described = () => Thread.Sleep(100);
                slowWork.Wait();
                """),
            Flavor.XunitV2);

    [Fact]
    public Task A_nested_fake_and_production_classes_are_not_test_code()
        => VerifyTST1001.AnalyzerAsync(
            """
            using System.Threading;
            using Xunit;

            public class Worker
            {
                public void Run() => Thread.Sleep(100);
            }

            public class OrderTests
            {
                private sealed class SlowClock
                {
                    public void Tick() => Thread.Sleep(100);
                }

                [Fact]
                public void Works() => new Worker().Run();
            }
            """,
            Flavor.XunitV2);

    [Fact]
    public Task A_compilation_without_a_test_framework_is_production_code()
        => VerifyTST1001.AnalyzerAsync(
            """
            using System.Threading;

            public class OrderTests
            {
                public void Works() => Thread.Sleep(100);
            }
            """,
            flavor: null);

    [Fact]
    public Task The_message_names_the_duration()
        => VerifyTST1001.AnalyzerAsync(
            TestSource.Test(Flavor.NUnit3, "{|#0:Thread.Sleep(TimeSpan.FromSeconds(2))|};"),
            Flavor.NUnit3,
            expected: VerifyTST1001.Diagnostic("TST1001").WithLocation(0).WithArguments("TimeSpan.FromSeconds(2)"));
}
