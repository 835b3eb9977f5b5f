using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// "Which tests may a rule about missing checks judge, and what does a test check?", shared by TST3001
/// (no assertion), TST2003 (mocks but no assertion) and TST2005 (only interactions). TST3001 and TST2003
/// split the unchecked tests exactly: a test that <see cref="MockUsage.SetsUpMocks"/> is TST2003's, any
/// other is TST3001's, and both leave alone the same <see cref="IsExempt">exempt</see> tests.
/// Framework types are resolved once per compilation (build one per compilation start).
/// </summary>
internal sealed class TestChecks
{
    private readonly SkipModel _skips;
    private readonly ImmutableHashSet<INamedTypeSymbol> _timeLimits;

    public TestChecks(Compilation compilation)
    {
        _skips = new SkipModel(compilation);
        _timeLimits = TypeLookup.FindAll(compilation, Frameworks.TimeLimitAttributes);
    }

    /// <summary>
    /// True for tests whose check is not in their body, or that do not run: an override (a derived
    /// fixture that stubs an inherited test opts out of it on purpose), a skipped test, MSTest
    /// <c>[ExpectedException]</c>, NUnit tests whose return value is the assertion (<c>ExpectedResult =</c>,
    /// value-returning tests fed by <c>TestCaseData.Returns</c>), and tests whose time limit is the
    /// assertion (NUnit <c>[MaxTime]</c>/<c>[Timeout]</c>, MSTest and TUnit <c>[Timeout]</c>, xUnit <c>Timeout =</c>).
    /// </summary>
    public bool IsExempt(IMethodSymbol method, TestCodeModel model)
        => method.IsOverride
        || _skips.IsSkipped(method)
        || model.Assertions.HasExpectedException(method)
        || HasExpectedResultOrTimeLimit(method);

    /// <summary>
    /// What the code blocks of the test <paramref name="method"/> check (TST2003, TST2005, TST3001). The walk
    /// classifies the test's own calls from the last statement backwards (where arrange-act-assert tests
    /// assert) and stops at the first outcome check, which settles "checks something" and "checks only
    /// interactions"; the helpers of this compilation that it meets are walked only when a rule's question
    /// needs them (<see cref="TestBody"/>), and each helper's answer is memoized for the compilation. Most tests
    /// assert in their own body, so a helper's body is then left for the compiler to bind when its own turn
    /// comes. The rules that ask about the same test one after the other on a thread share its walk
    /// (the last one walked on each thread is kept, weakly); a dictionary of every test's answer cost more to fill than the
    /// shortened walk (measured on EPPlus's 6,000 tests).
    /// </summary>
    public static TestBody Of(IMethodSymbol method, ImmutableArray<IOperation> blocks, AssertionModel.Scope scope)
    {
        // Weakly held: a thread must not keep the last compilation it analyzed alive. A collection between two
        // rules only costs the second one a walk.
        var last = s_last ??= new WeakReference<TestBody>(null!);
        if (last.TryGetTarget(out var known) && ReferenceEquals(known.Method, method) && ReferenceEquals(known.Scope, scope))
        {
            return known;
        }

        var body = WalkOf(blocks, scope, method, stopAtOutcome: true);
        last.SetTarget(body);
        return body;
    }

    [ThreadStatic]
    private static WeakReference<TestBody>? s_last;

    /// <summary>
    /// True when the test, or a helper it reaches, holds code that does not bind (an unresolved call or name, a
    /// missing reference) or binds at run time: a check may hide there (TST2004). Walks the whole body.
    /// </summary>
    public static bool MayAssertUnseen(IMethodSymbol method, ImmutableArray<IOperation> blocks, AssertionModel.Scope scope)
        => WalkOf(blocks, scope, method, stopAtOutcome: false).MayAssertUnseen();

    private static TestBody WalkOf(ImmutableArray<IOperation> blocks, AssertionModel.Scope scope, IMethodSymbol method, bool stopAtOutcome)
    {
        // One stack per thread, taken for the walk (a nested walk on the same thread gets a new one): a
        // stack per test grew by copying and, on the 4 GB heap of a 50,000-test compilation, its garbage
        // cost more than the walk. It is handed back empty.
        var pending = s_pending ?? new Stack<IOperation>();
        s_pending = null;
        try
        {
            var body = new TestBody(method, scope);
            var caller = method.ContainingType;
            for (var i = blocks.Length - 1; i >= 0; i--)
            {
                pending.Push(blocks[i]);
                if (!Walk(pending, scope, caller, body, stopAtOutcome))
                {
                    body.Stopped();
                    break;
                }
            }

            return body;
        }
        finally
        {
            pending.Clear();
            s_pending = pending;
        }
    }

    [ThreadStatic]
    private static Stack<IOperation>? s_pending;

    /// <summary>Walks what is on <paramref name="pending"/>; false when it stopped at an outcome check before the end.</summary>
    private static bool Walk(Stack<IOperation> pending, AssertionModel.Scope scope, INamedTypeSymbol? caller, TestBody body, bool stopAtOutcome)
    {
        while (pending.Count > 0)
        {
            // Pre-order, children right to left: the last statement first.
            var operation = pending.Pop();
            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }

            if (operation.Kind is not (OperationKind.Invalid or OperationKind.Throw or OperationKind.Invocation or OperationKind.MethodReference
                or OperationKind.DynamicInvocation or OperationKind.DynamicMemberReference or OperationKind.DynamicObjectCreation
                or OperationKind.DynamicIndexerAccess))
            {
                // Kind first: most operations are none of these, and an enum test is cheaper than the type tests below.
                continue;
            }

            var kind = AssertionKind.None;
            switch (operation)
            {
                case IInvalidOperation:
                    kind = AssertionKind.Unseen;
                    break;
                case IThrowOperation { Exception: not null }:
                    kind = AssertionKind.Outcome;
                    break;
                case IInvocationOperation invocation:
                    kind = scope.ClassifyOrDefer(invocation, caller, out var helper);
                    if (kind == AssertionKind.None)
                    {
                        // The name counts only where the call is not an assertion by itself (a helper of this
                        // compilation comes back as None, to be followed when needed).
                        var named = HasAssertionName(invocation.TargetMethod) || IsRuntimeSkipOrAssumption(invocation.TargetMethod);
                        if (helper is not null)
                        {
                            body.Defer(helper, named);
                        }
                        else if (named)
                        {
                            kind = AssertionKind.Outcome;
                        }
                    }

                    break;
                case IMethodReferenceOperation reference:
                    // A method group or delegate handed to other code (Run(CheckTotals)) runs there.
                    kind = scope.ClassifyReferenceOrDefer(reference, out var referenced);
                    if (referenced is not null)
                    {
                        body.Defer(referenced, HasAssertionName(reference.Method));
                    }
                    else if (kind == AssertionKind.None && HasAssertionName(reference.Method))
                    {
                        kind = AssertionKind.Outcome;
                    }

                    break;
                case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation
                    or IDynamicIndexerAccessOperation:
                    // Bound at run time: it may be an assertion the model cannot see.
                    kind = AssertionKind.Unseen;
                    break;
            }

            body.Add(kind);
            if (stopAtOutcome && (body.Direct & AssertionKind.Outcome) != 0)
            {
                return pending.Count == 0;
            }
        }

        return true;
    }

    /// <summary>
    /// Assertion helpers of libraries the model does not know (a shared test-utilities assembly,
    /// ApprovalTests, custom verifiers): a method named Assert*, Verify*, Should* or Expect* is taken
    /// at its word. Precision first: an unknown helper with such a name most likely asserts.
    /// </summary>
    private static bool HasAssertionName(IMethodSymbol method)
        => (StartsWithWord(method.Name, "Assert") || StartsWithWord(method.Name, "Verify")
                || StartsWithWord(method.Name, "Should") || StartsWithWord(method.Name, "Expect"))
            && !IsLibraryTheModelKnows(method.ContainingAssembly?.Name);

    /// <summary>The model classifies these libraries exactly (FluentAssertions' bare <c>Should()</c> asserts nothing).</summary>
    private static bool IsLibraryTheModelKnows(string? assembly)
        => Libraries.OfAssembly(assembly) is { ClassifiedExactly: true }
            || assembly is not null && (assembly == Frameworks.TUnit.AssertionAssembly || Frameworks.TUnit.Assemblies.Contains(assembly));

    private static bool StartsWithWord(string name, string prefix)
        => name.StartsWith(prefix, StringComparison.Ordinal)
            && (name.Length == prefix.Length || char.IsUpper(name[prefix.Length]) || name[prefix.Length] == '_');

    /// <summary>
    /// A test that decides at run time whether it applies (TUnit <c>Skip.Test/When/Unless</c>, xUnit
    /// SkippableFact's <c>Skip.If</c>, NUnit <c>Assume.That</c>) is not a test without a check.
    /// </summary>
    private static bool IsRuntimeSkipOrAssumption(IMethodSymbol method)
        => method.IsStatic && method.ContainingType is { Name: "Skip" or "Assume" };

    private bool HasExpectedResultOrTimeLimit(IMethodSymbol method)
    {
        var isNUnit = false;
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type)
            {
                continue;
            }

            if (TypeLookup.IsOrInheritsFrom(type, _timeLimits))
            {
                return true;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "ExpectedResult" || named.Key == "Timeout" && named.Value.Value is int and > 0)
                {
                    return true;
                }
            }

            isNUnit |= RootNamespace(type)?.Name.StartsWith(Frameworks.NUnit.RootNamespace, StringComparison.Ordinal) == true;
        }

        return isNUnit && !method.ReturnsVoid && !IsNonGenericTask(method.ReturnType);
    }

    /// <summary>The outermost named namespace of <paramref name="type"/> (<c>NUnit</c> for <c>NUnit.Framework.TestAttribute</c>).</summary>
    private static INamespaceSymbol? RootNamespace(ITypeSymbol type)
    {
        var root = type.ContainingNamespace;
        while (root?.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            root = parent;
        }

        return root;
    }

    private static bool IsNonGenericTask(ITypeSymbol type)
        => type is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask" } named
            && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
}
