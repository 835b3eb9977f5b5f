using System;

namespace TestSmells.Analyzers.Tests.Infrastructure;

/// <summary>
/// Marks a method that asserts (it throws when its check fails). TestSmells recognises any attribute
/// class with this name, so our verifiers, which fail through the Roslyn testing harness, count as
/// assertions for TST3001 in our own tests (the test project dogfoods the analyzers).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class AssertionMethodAttribute : Attribute
{
}
