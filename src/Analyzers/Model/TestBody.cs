using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>
/// What a test's code checks (<see cref="TestChecks.Of"/>): <see cref="AssertionKind.Interaction"/> for
/// verifications of test doubles, <see cref="AssertionKind.Outcome"/> for everything else that can fail the
/// test on purpose (assertions, a <c>throw</c>, an assertion-named helper of a library the model does not
/// know, a run-time skip or assumption), and whether it holds code that does not bind.
/// <para>
/// The test's own calls are classified when it is walked; the helpers of the compilation it calls are kept
/// and walked only when a question cannot be answered without them. Each question gives the answer that
/// walking every helper first would give: helpers can only add checks, so a test that asserts in its own
/// body "checks something" and does not "check only interactions" whatever its helpers do.
/// </para>
/// </summary>
internal sealed class TestBody
{
    private List<(IMethodSymbol Method, bool Named)>? _helpers;
    private bool _hasNamedHelper;

    // -1 until the helpers are followed; then the AssertionKind found, plus UnseenFlag.
    private int _resolved = -1;
    private const int UnseenFlag = 0x100;

    public TestBody(IMethodSymbol method, AssertionModel.Scope scope)
    {
        Method = method;
        Scope = scope;
    }

    /// <summary>The test walked.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The configuration it was walked under (<c>test_smells.assertion_methods</c> of its file).</summary>
    public AssertionModel.Scope Scope { get; }

    /// <summary>
    /// False when the walk stopped at the test's first outcome check: <see cref="Direct"/> and
    /// <see cref="DirectlyUnresolved"/> then hold what was seen up to there, which settles
    /// <see cref="MayCheckSomething"/> and <see cref="ChecksOnlyInteractions"/> but not <see cref="MayAssertUnseen"/>
    /// (ask <see cref="TestChecks.MayAssertUnseen"/>, which walks the whole body).
    /// </summary>
    public bool Complete { get; private set; } = true;

    /// <summary>What the test's own code checks (its helpers not followed).</summary>
    public AssertionKind Direct { get; private set; }

    /// <summary>True when the test's own code holds something that does not bind or binds at run time.</summary>
    public bool DirectlyUnresolved { get; private set; }

    /// <summary>
    /// True unless the test checks nothing: no check in its code or its helpers, and nothing that does not
    /// bind (the question of TST3001 and TST2003).
    /// </summary>
    public bool MayCheckSomething()
    {
        if (Direct != AssertionKind.None || DirectlyUnresolved || _hasNamedHelper)
        {
            return true;
        }

        var (kind, unseen) = Resolve();
        return kind != AssertionKind.None || unseen;
    }

    /// <summary>True when the test verifies interactions and checks no outcome, and all its code binds (TST2005).</summary>
    public bool ChecksOnlyInteractions()
    {
        if ((Direct & AssertionKind.Outcome) != 0 || DirectlyUnresolved)
        {
            return false;
        }

        var (kind, unseen) = Resolve();
        return kind == AssertionKind.Interaction && !unseen;
    }

    /// <summary>
    /// True when the test or a helper it reaches holds code that does not bind (an unresolved call or name,
    /// a missing reference) or binds at run time: it may be a check the model cannot see.
    /// </summary>
    internal bool MayAssertUnseen() => DirectlyUnresolved || Resolve().Unseen;

    /// <summary>
    /// Everything the test checks, helpers followed (computed once per body; a body is shared only by the rules
    /// that ask on the same thread, and a race would compute the same value anyway). Of a body that is not
    /// <see cref="Complete"/>, only what was seen before the walk stopped.
    /// </summary>
    public (AssertionKind Kind, bool Unseen) Resolve()
    {
        var resolved = Volatile.Read(ref _resolved);
        if (resolved < 0)
        {
            resolved = Follow();
            Volatile.Write(ref _resolved, resolved);
        }

        return ((AssertionKind)(resolved & ~UnseenFlag), (resolved & UnseenFlag) != 0);
    }

    internal void Stopped() => Complete = false;

    internal void Add(AssertionKind kind)
    {
        if ((kind & AssertionKind.Unseen) != 0)
        {
            DirectlyUnresolved = true;
            kind &= ~AssertionKind.Unseen;
        }

        Direct |= kind;
    }

    /// <summary>A call to (or reference of) a helper of the compilation; <paramref name="named"/>: named as an assertion.</summary>
    internal void Defer(IMethodSymbol helper, bool named)
    {
        (_helpers ??= new List<(IMethodSymbol, bool)>()).Add((helper, named));
        _hasNamedHelper |= named;
    }

    private int Follow()
    {
        var kind = Direct;
        var unseen = DirectlyUnresolved;
        if (_helpers is not null)
        {
            // Every helper, even once both kinds are found: code that does not bind in any of them matters.
            foreach (var (method, named) in _helpers)
            {
                var found = Scope.HelperKind(method);
                if ((found & AssertionKind.Unseen) != 0)
                {
                    unseen = true;
                    found &= ~AssertionKind.Unseen;
                }

                // A helper named for an assertion asserts at its word, unless its body says what it checks.
                kind |= found == AssertionKind.None && named ? AssertionKind.Outcome : found;
            }
        }

        return (int)kind | (unseen ? UnseenFlag : 0);
    }
}
