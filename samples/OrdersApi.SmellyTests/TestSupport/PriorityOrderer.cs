using Xunit.Abstractions;
using Xunit.Sdk;

namespace OrdersApi.SmellyTests.TestSupport;

/// <summary>Runs a class's tests by their <see cref="TestPriorityAttribute"/>, lowest first.</summary>
public sealed class PriorityOrderer : ITestCaseOrderer
{
    public const string TypeName = "OrdersApi.SmellyTests.TestSupport.PriorityOrderer";
    public const string AssemblyName = "OrdersApi.SmellyTests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => Priority(t)).ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);

    private static int Priority(ITestCase testCase) =>
        testCase.TestMethod.Method.GetCustomAttributes(typeof(TestPriorityAttribute).AssemblyQualifiedName)
            .Select(a => a.GetConstructorArguments().OfType<int>().FirstOrDefault())
            .FirstOrDefault();
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class TestPriorityAttribute(int priority) : Attribute
{
    public int Priority { get; } = priority;
}
