using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TestSmells.Analyzers.Model;

/// <summary>What a call proves about the code under test.</summary>
[Flags]
internal enum AssertionKind
{
    None = 0,

    /// <summary>An assertion on an outcome (a value, a state, a thrown exception, a snapshot).</summary>
    Outcome = 1,

    /// <summary>A verification of an interaction with a test double.</summary>
    Interaction = 2,

    /// <summary>
    /// Code that may assert where the model cannot look: a dynamically bound call, a method inherited from
    /// a base class of another assembly. Used inside the model only (<see cref="AssertionModel.Scope.Classify"/>
    /// never returns it); <see cref="TestChecks"/> turns it into <see cref="TestBody.DirectlyUnresolved"/> and
    /// <see cref="TestChecks.MayAssertUnseen"/>.
    /// </summary>
    Unseen = 4,
}

/// <summary>
/// The assertion and verification model shared by every rule that asks "does this test assert?".
/// Framework types are resolved once per compilation; the "this helper asserts" analysis of methods
/// of the same compilation is transitive, cycle-safe and memoized per compilation.
/// </summary>
internal sealed class AssertionModel
{
    // Assertion classes whose every call asserts: the frameworks' (TUnit's only when awaited) and the libraries'.
    private static readonly string[] CalledAssertTypes = Frameworks.Union(f => f.AssertsWhenAwaited ? ImmutableArray<string>.Empty : f.AssertTypes.AddRange(f.MoreAssertTypes))
        .Concat(Libraries.AssertTypes).ToArray();

    private static readonly string[] AwaitedAssertTypes = Frameworks.Union(f => f.AssertsWhenAwaited ? f.AssertTypes : ImmutableArray<string>.Empty);

    private readonly TestCodeModel _model;
    private readonly ImmutableHashSet<INamedTypeSymbol> _assertTypes;
    private readonly ImmutableHashSet<INamedTypeSymbol> _tunitAssert;
    private readonly INamedTypeSymbol? _expectedExceptionAttribute;
    private readonly ConcurrentDictionary<string, Scope> _scopes = new(StringComparer.Ordinal);
    private readonly Scope _defaultScope;

    public AssertionModel(TestCodeModel model)
    {
        _model = model;
        var compilation = model.Compilation;
        _assertTypes = TypeLookup.FindAll(compilation, CalledAssertTypes);
        _tunitAssert = TypeLookup.FindAll(compilation, AwaitedAssertTypes);
        _expectedExceptionAttribute = TypeLookup.Find(compilation, Frameworks.MSTest.ExpectedExceptionAttribute!);
        _defaultScope = new Scope(this, UserAssertionMethods.Empty);
    }

    /// <summary>The view of the model for one file, honouring that file's <c>test_smells.assertion_methods</c>.</summary>
    public Scope For(AnalyzerOptions options, SyntaxTree tree)
    {
        var raw = SmellOptions.Get(options, tree, SmellOptions.AssertionMethodsKey);
        return string.IsNullOrWhiteSpace(raw)
            ? _defaultScope
            : _scopes.GetOrAdd(raw!, value => new Scope(this, UserAssertionMethods.Parse(value)));
    }

    /// <summary>The model without user configuration.</summary>
    public Scope Default => _defaultScope;

    /// <summary>True when the method carries MSTest's <c>[ExpectedException]</c> (or a subclass of it).</summary>
    public bool HasExpectedException(IMethodSymbol method)
    {
        if (_expectedExceptionAttribute is null)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, _expectedExceptionAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Classifies a call by the library it belongs to, ignoring user configuration and helpers.</summary>
    private AssertionKind ClassifyLibraryCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return AssertionKind.None;
        }

        if (_assertTypes.Contains(type.OriginalDefinition))
        {
            return AssertionKind.Outcome;
        }

        // response.EnsureSuccessStatusCode() throws on a failure status: a check of the outcome.
        if (method.Name == "EnsureSuccessStatusCode" && type.Name == "HttpResponseMessage"
            && type.ContainingNamespace?.ToDisplayString() == "System.Net.Http")
        {
            return AssertionKind.Outcome;
        }

        if (!_tunitAssert.IsEmpty && _tunitAssert.Contains(type.OriginalDefinition))
        {
            // A TUnit assertion chain (Assert.That, the *Async methods) only runs when it is awaited; the
            // synchronous ones (Assert.Throws, ThrowsExactly, Fail, NotNull, Null, Raises...) run when called.
            return IsAwaitedChain(invocation) || IsSynchronousTUnitAssertion(method)
                ? AssertionKind.Outcome
                : AssertionKind.None;
        }

        var assembly = method.ContainingAssembly?.Name;
        switch (Libraries.ApiOf(assembly))
        {
            case LibraryApi.FluentAssertions:
                // x.Should() only starts the chain; the instance methods of the assertion objects assert.
                return !method.IsStatic && method.Name != "Should" ? AssertionKind.Outcome : AssertionKind.None;
            case LibraryApi.Shouldly:
                return method.Name.StartsWith("Should", StringComparison.Ordinal) || type.Name == "Should"
                    ? AssertionKind.Outcome
                    : AssertionKind.None;
            case LibraryApi.Moq:
                return method.Name.StartsWith("Verify", StringComparison.Ordinal) ? AssertionKind.Interaction : AssertionKind.None;
            case LibraryApi.NSubstitute:
                return IsNSubstituteVerification(method) ? AssertionKind.Interaction : AssertionKind.None;
            case LibraryApi.FakeItEasy:
                return method.Name.StartsWith("MustHaveHappened", StringComparison.Ordinal)
                    || method.Name.StartsWith("MustNotHaveHappened", StringComparison.Ordinal)
                    ? AssertionKind.Interaction
                    : AssertionKind.None;
        }

        // Roslyn's analyzer and code-fix test harness: test.RunAsync() compares the diagnostics and fixed code.
        if (method.Name == "RunAsync" && assembly is not null
            && assembly.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            && assembly.EndsWith(".Testing", StringComparison.Ordinal))
        {
            return AssertionKind.Outcome;
        }

        // Snapshot testing: Verify(...) of VerifyXunit, VerifyNUnit, VerifyMSTest, VerifyTUnit, VerifyTests.
        if (method.Name.StartsWith("Verify", StringComparison.Ordinal)
            && type.ContainingNamespace?.Name is { } ns
            && ns.StartsWith("Verify", StringComparison.Ordinal)
            && assembly is not null && assembly.StartsWith("Verify", StringComparison.Ordinal))
        {
            return AssertionKind.Outcome;
        }

        return AssertionKind.None;
    }

    private static bool IsSynchronousTUnitAssertion(IMethodSymbol method)
        => method.Name != "That" && method.Name != "Multiple"
            && !method.Name.EndsWith("Async", StringComparison.Ordinal);

    private static bool IsNSubstituteVerification(IMethodSymbol method)
        => method.Name is "Received" or "ReceivedWithAnyArgs" or "DidNotReceive" or "DidNotReceiveWithAnyArgs"
            || (method.Name == "InOrder" && method.ContainingType.Name == "Received");

    private static bool IsAwaitedChain(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAwaitOperation:
                    return true;
                case IInvocationOperation:
                case IPropertyReferenceOperation:
                case IConversionOperation:
                case IArgumentOperation:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool HasAssertionMethodAttribute(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "AssertionMethodAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The model as seen from files that share one value of <c>test_smells.assertion_methods</c>; holds
    /// the memo of "does this helper assert" for that configuration.
    /// </summary>
    internal sealed class Scope
    {
        private readonly AssertionModel _owner;
        private readonly UserAssertionMethods _userMethods;
        private readonly ConcurrentDictionary<IMethodSymbol, AssertionKind> _helperMemo = new(SymbolEqualityComparer.Default);

        public Scope(AssertionModel owner, UserAssertionMethods userMethods)
        {
            _owner = owner;
            _userMethods = userMethods;
        }

        /// <summary>What <paramref name="invocation"/> asserts, directly or through helpers of this compilation.</summary>
        public AssertionKind Classify(IInvocationOperation invocation)
        {
            var direct = ClassifyOrDefer(invocation, caller: null, out var helper);
            return helper is null ? direct & ~AssertionKind.Unseen : HelperKind(helper) & ~AssertionKind.Unseen;
        }

        /// <summary>
        /// What <paramref name="invocation"/> asserts by itself, plus <see cref="AssertionKind.Unseen"/> when it may
        /// assert where the model cannot look (a method <paramref name="caller"/>, the type whose code makes the
        /// call, inherits from another assembly; a method of a test-support assembly). A call to a method of this
        /// compilation that is not an assertion by itself returns <see cref="AssertionKind.None"/> and the method
        /// in <paramref name="helper"/>, for <see cref="HelperKind"/> when its answer is needed.
        /// </summary>
        internal AssertionKind ClassifyOrDefer(IInvocationOperation invocation, INamedTypeSymbol? caller, out IMethodSymbol? helper)
        {
            helper = null;
            var direct = ClassifyDirect(invocation);
            if (direct != AssertionKind.None)
            {
                return direct;
            }

            var target = invocation.TargetMethod.OriginalDefinition;
            if (IsSourceMethodOfCompilation(target))
            {
                helper = target;
                return AssertionKind.None;
            }

            return IsInheritedFromOtherAssembly(invocation, caller) || IsOfTestSupportAssembly(target)
                ? AssertionKind.Unseen
                : AssertionKind.None;
        }

        /// <summary><see cref="ClassifyReference"/> without following helpers (as <see cref="ClassifyOrDefer"/>).</summary>
        internal AssertionKind ClassifyReferenceOrDefer(IMethodReferenceOperation reference, out IMethodSymbol? helper)
        {
            helper = null;
            var method = reference.Method;
            if (_userMethods.Matches(method) || _userMethods.Matches(method.OriginalDefinition) || HasAssertionMethodAttribute(method.OriginalDefinition))
            {
                return AssertionKind.Outcome;
            }

            var target = method.OriginalDefinition;
            if (IsSourceMethodOfCompilation(target))
            {
                helper = target;
            }

            return AssertionKind.None;
        }

        /// <summary>True once the body of the helper <paramref name="method"/> has been walked (memoized).</summary>
        internal bool HasWalked(IMethodSymbol method) => _helperMemo.ContainsKey(method.OriginalDefinition);

        /// <summary>
        /// What a method group or delegate passed to other code (<c>Run(CheckTotals)</c>, <c>new Action(Check)</c>)
        /// asserts when it is called: the referenced method, followed like a called helper.
        /// </summary>
        internal AssertionKind ClassifyReference(IMethodReferenceOperation reference)
        {
            var direct = ClassifyReferenceOrDefer(reference, out var helper);
            return helper is null ? direct : HelperKind(helper);
        }

        /// <summary>
        /// True for a call, on <c>this</c> or statically, to a method that <paramref name="caller"/> inherits
        /// from a base class of another assembly of the user's (a shared test base class): its body cannot be
        /// seen, so it may assert. Base classes of .NET, the test frameworks and the known libraries are not.
        /// </summary>
        private bool IsInheritedFromOtherAssembly(IInvocationOperation invocation, INamedTypeSymbol? caller)
        {
            var target = invocation.TargetMethod;
            if (caller is null
                || target.ContainingType is not { TypeKind: TypeKind.Class } declaring
                || invocation.Instance is not (null or IInstanceReferenceOperation)
                || SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, _owner._model.Compilation.Assembly)
                || IsPlatformOrLibraryAssembly(target.ContainingAssembly?.Name))
            {
                return false;
            }

            for (var type = caller.BaseType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True for a method of another assembly whose name says it is test support code (a shared
        /// <c>*.Tests.Core</c>, <c>*.Testing</c>, <c>TestUtilities</c> project): its helpers check what they run
        /// (<c>_links.TestLinksOnWebPage(url)</c>, <c>_client.DownloadPackageAndVerifyAsync(id)</c>), and their
        /// bodies cannot be seen. The test frameworks and known libraries are not test support code.
        /// </summary>
        private bool IsOfTestSupportAssembly(IMethodSymbol target)
        {
            var name = target.ContainingAssembly?.Name;
            return name is not null
                && name.IndexOf("Test", StringComparison.OrdinalIgnoreCase) >= 0
                && !IsPlatformOrLibraryAssembly(name)
                && !name.StartsWith("Testcontainers", StringComparison.OrdinalIgnoreCase)
                && !SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, _owner._model.Compilation.Assembly);
        }

        private static bool IsPlatformOrLibraryAssembly(string? name)
            => name is null
                || name.StartsWith("System", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.", StringComparison.Ordinal)
                || name is "mscorlib" or "netstandard"
                || Libraries.OfAssembly(name) is not null
                || Frameworks.OwnsAssembly(name);

        /// <summary>What the body of <paramref name="operation"/> asserts (descendants included, helpers followed).</summary>
        public AssertionKind AssertionsIn(IOperation operation)
        {
            var kind = AssertionKind.None;
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                switch (descendant)
                {
                    case IInvocationOperation invocation:
                        kind |= Classify(invocation);
                        break;
                    case IThrowOperation { Exception: not null }:
                        kind |= AssertionKind.Outcome;
                        break;
                }
            }

            return kind;
        }

        private AssertionKind ClassifyDirect(IInvocationOperation invocation)
        {
            var kind = _owner.ClassifyLibraryCall(invocation);
            if (kind != AssertionKind.None)
            {
                return kind;
            }

            var method = invocation.TargetMethod;
            return _userMethods.Matches(method) || _userMethods.Matches(method.OriginalDefinition) || HasAssertionMethodAttribute(method.OriginalDefinition)
                ? AssertionKind.Outcome
                : AssertionKind.None;
        }

        private bool IsSourceMethodOfCompilation(IMethodSymbol method)
            => !method.Locations.IsEmpty && method.Locations[0].IsInSource
            && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _owner._model.Compilation.Assembly);

        /// <summary>
        /// Memoized, cycle-safe: what the helper (or anything it calls in this compilation) asserts. Every
        /// method walked is memoized, those on a call cycle too: a method cut off by a cycle reaches the
        /// method the cycle led back to, so once that method is done, both have its answer (the union of
        /// everything the cycle reaches). Each helper body is walked at most once per compilation.
        /// </summary>
        internal AssertionKind HelperKind(IMethodSymbol method)
        {
            if (_helperMemo.TryGetValue(method, out var known))
            {
                return known;
            }

            return Compute(method, new HelperWalk(), out _);
        }

        private AssertionKind Compute(IMethodSymbol method, HelperWalk walk, out int lowestCut)
        {
            lowestCut = int.MaxValue;
            if (_helperMemo.TryGetValue(method, out var known))
            {
                return known;
            }

            if (walk.Depths.TryGetValue(method, out var onStack))
            {
                // Already being analyzed further up: its answer is not known yet; this caller's answer is
                // completed when that method is done.
                lowestCut = onStack;
                return AssertionKind.None;
            }

            if (walk.Pending.TryGetValue(method, out var pending))
            {
                // Walked already, waiting for its cycle to close: what it found so far, and the same wait.
                lowestCut = pending.CutAt;
                return pending.Kind;
            }

            var depth = walk.Depths.Count;
            walk.Depths.Add(method, depth);
            var kind = AssertionKind.None;
            foreach (var body in OperationBodies(method))
            {
                foreach (var descendant in body.DescendantsAndSelf())
                {
                    switch (descendant)
                    {
                        case IThrowOperation { Exception: not null }:
                            kind |= AssertionKind.Outcome;
                            break;
                        case IInvocationOperation invocation:
                            var direct = ClassifyDirect(invocation);
                            if (direct == AssertionKind.None)
                            {
                                var target = invocation.TargetMethod.OriginalDefinition;
                                if (IsSourceMethodOfCompilation(target))
                                {
                                    direct = Compute(target, walk, out var cut);
                                    lowestCut = Math.Min(lowestCut, cut);
                                }
                                else if (IsInheritedFromOtherAssembly(invocation, method.ContainingType) || IsOfTestSupportAssembly(target))
                                {
                                    direct = AssertionKind.Unseen;
                                }
                            }

                            kind |= direct;
                            break;
                        case IMethodReferenceOperation reference:
                            var referenced = reference.Method.OriginalDefinition;
                            if (IsSourceMethodOfCompilation(referenced))
                            {
                                kind |= Compute(referenced, walk, out var referenceCut);
                                lowestCut = Math.Min(lowestCut, referenceCut);
                            }
                            else
                            {
                                kind |= ClassifyReference(reference);
                            }

                            break;
                        case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation
                            or IDynamicIndexerAccessOperation or IInvalidOperation:
                            // Bound at run time, or not bound at all (a missing reference, half-typed code): it may
                            // be the helper's assertion.
                            kind |= AssertionKind.Unseen;
                            break;
                    }
                }
            }

            walk.Depths.Remove(method);
            if (lowestCut < depth)
            {
                // Part of a cycle through a method still on the stack: finished when that one is. Methods
                // waiting on this one now wait on that one.
                walk.Wait(method, kind, lowestCut, depth);
                return kind;
            }

            _helperMemo.TryAdd(method, kind);
            walk.Finish(depth, kind, _helperMemo);
            lowestCut = int.MaxValue;
            return kind;
        }

        /// <summary>
        /// The state of one helper analysis: the methods on the stack (by depth), and those walked on a
        /// cycle that is not closed yet, each with what it found and the stack depth of the method it waits on.
        /// </summary>
        private sealed class HelperWalk
        {
            private int _deepestWait = -1;

            public Dictionary<IMethodSymbol, int> Depths { get; } = new(SymbolEqualityComparer.Default);

            public Dictionary<IMethodSymbol, (AssertionKind Kind, int CutAt)> Pending { get; } = new(SymbolEqualityComparer.Default);

            public void Wait(IMethodSymbol method, AssertionKind kind, int cutAt, int depth)
            {
                if (_deepestWait >= depth)
                {
                    foreach (var entry in new List<IMethodSymbol>(Pending.Keys))
                    {
                        var (pendingKind, pendingCut) = Pending[entry];
                        if (pendingCut >= depth)
                        {
                            Pending[entry] = (pendingKind, cutAt);
                        }
                    }
                }

                Pending[method] = (kind, cutAt);
                _deepestWait = cutAt;
                foreach (var entry in Pending.Values)
                {
                    _deepestWait = Math.Max(_deepestWait, entry.CutAt);
                }
            }

            /// <summary>The method at <paramref name="depth"/> closed its cycles: those waiting on it get its answer.</summary>
            public void Finish(int depth, AssertionKind kind, ConcurrentDictionary<IMethodSymbol, AssertionKind> memo)
            {
                if (_deepestWait < depth)
                {
                    return;
                }

                _deepestWait = -1;
                foreach (var entry in new List<IMethodSymbol>(Pending.Keys))
                {
                    var (pendingKind, pendingCut) = Pending[entry];
                    if (pendingCut >= depth)
                    {
                        memo.TryAdd(entry, pendingKind | kind);
                        Pending.Remove(entry);
                    }
                    else
                    {
                        _deepestWait = Math.Max(_deepestWait, pendingCut);
                    }
                }
            }
        }

        private IEnumerable<IOperation> OperationBodies(IMethodSymbol method)
        {
            var compilation = _owner._model.Compilation;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(CancellationToken.None);
                if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                {
                    continue;
                }

#pragma warning disable RS1030 // Helpers of the same compilation are analyzed on demand and memoized per compilation.
                var semanticModel = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
                var operation = semanticModel.GetOperation(syntax);
                if (operation is not null)
                {
                    yield return operation;
                }
            }
        }
    }
}
