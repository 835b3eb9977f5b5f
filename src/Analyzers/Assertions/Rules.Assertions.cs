using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers;

/// <summary>Descriptors of the Assertions category (TST3xxx).</summary>
internal static partial class Rules
{
    public static readonly DiagnosticDescriptor TST3001 = Create(
        "TST3001",
        "Test has no assertion",
        "Test '{0}' checks nothing: it passes whatever the code under test does; assert on the outcome it expects",
        Categories.Assertions,
        DiagnosticSeverity.Info,
        "A test without an assertion only proves that the code ran without throwing. It stays green when the behaviour it is named after breaks. Assert on the result, the state or the exception the test is about, or teach the analyzer your own assertion helpers with test_smells.assertion_methods or an [AssertionMethod] attribute.");

    public static readonly DiagnosticDescriptor TST3002 = Create(
        "TST3002",
        "Assertion cannot fail",
        "This assertion cannot fail: {0}; assert on a value the code under test produces",
        Categories.Assertions,
        DiagnosticSeverity.Info,
        "An assertion whose outcome is decided by the test code itself (a literal true, the same expression on both sides of an equality, a not-null check on a new object or a value type) passes whatever the code under test does. It adds a line that looks like a check but checks nothing.");

    public static readonly DiagnosticDescriptor TST3003 = Create(
        "TST3003",
        "Test swallows the exception it should assert",
        "The catch of {0} swallows the exception without asserting on it; assert the exception with the framework's Throws assertion, or let it fail the test",
        Categories.Assertions,
        DiagnosticSeverity.Info,
        "A test that catches an exception and carries on cannot tell the exception it expects from one it does not, and a catch-all also swallows the failure of the assertions inside the try. Use the framework's Throws assertion to expect an exception, and let unexpected exceptions fail the test.");

    public static readonly DiagnosticDescriptor TST3006 = Create(
        "TST3006",
        "Use the framework's Throws assertion",
        "The try/fail/catch of {0} expects the exception by hand; the framework's Throws assertion says the same in one line",
        Categories.Assertions,
        DiagnosticSeverity.Info,
        "try { act; Assert.Fail(); } catch (SpecificException) { } fails when nothing is thrown, so it cannot pass by mistake; the framework's Throws assertion states the expectation in one line, checks the exact type and returns the exception for further assertions.");

    public static readonly DiagnosticDescriptor TST3004 = Create(
        "TST3004",
        "Test method is empty",
        "Test '{0}' is empty: it always passes; write the test or delete it",
        Categories.Assertions,
        DiagnosticSeverity.Info,
        "An empty test method runs and passes, so the test report counts a behaviour as covered when nothing checks it. Write the test, delete it, or skip it with a reason until it is written.");

    public static readonly DiagnosticDescriptor TST3005 = Create(
        "TST3005",
        "Async assertion is not awaited",
        "{0} is never awaited, so the test can end before it checks anything and its failure is lost; await it",
        Categories.Assertions,
        DiagnosticSeverity.Info,
        "An async assertion only checks when its task runs to the end. A test that drops the task (no await, no return, not stored or passed on) finishes first and passes whatever the assertion would have found; a failure surfaces later, in another test or nowhere. The same goes for assertions inside a Task.Run whose task is dropped, and inside an async void lambda or local function, which no one can await. Await the assertion (make the test async Task).");
}
