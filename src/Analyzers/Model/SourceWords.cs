using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers.Model;

/// <summary>Member names some rules look for; a file that writes none of them cannot hold what they report.</summary>
[Flags]
internal enum SourceWord
{
    None = 0,
    Verifiable = 1,

    /// <summary><c>Now</c>, <c>UtcNow</c>.</summary>
    Now = 2,
    Today = 4,

    /// <summary>
    /// What code that binds or connects a socket writes: <c>Listen</c> (TcpListener, Kestrel's Listen*),
    /// <c>Socket</c>, <c>Bind</c>, <c>Urls</c>, <c>Prefixes</c>, <c>EndPoint</c>, <c>TcpClient</c>,
    /// <c>UdpClient</c>, <c>Loopback</c>, or a URL or loopback host in a string.
    /// </summary>
    Network = 8,
}

/// <summary>
/// Which files of the compilation write which <see cref="SourceWord"/>s: a call binds to a method, and
/// a property read to a property, only where the source writes its name (or spells it with a unicode
/// escape, which counts as every word). One text search per file, shared by the rules, so that TST1004
/// registers nothing for the code of the many files that never read the clock, and TST2004 walks only
/// the tests of files that write <c>Verifiable</c>. (Tried for the per-call rules too, TST1001, TST1002,
/// TST2002 and TST5002: a block-start callback per method cost as much as the calls it saved.)
/// </summary>
internal sealed class SourceWords
{
    private static readonly (SourceWord Word, string Text)[] Words =
    {
        (SourceWord.Verifiable, "Verifiable"),
        (SourceWord.Now, "Now"),
        (SourceWord.Today, "Today"),
        (SourceWord.Network, "Listen"),
        (SourceWord.Network, "Socket"),
        (SourceWord.Network, "Bind"),
        (SourceWord.Network, "Urls"),
        (SourceWord.Network, "Prefixes"),
        (SourceWord.Network, "EndPoint"),
        (SourceWord.Network, "TcpClient"),
        (SourceWord.Network, "UdpClient"),
        (SourceWord.Network, "Loopback"),
        (SourceWord.Network, "://"),
        (SourceWord.Network, "localhost"),
        (SourceWord.Network, "127.0.0.1"),
        (SourceWord.Network, "::1"),
        (SourceWord.Network, "0.0.0.0"),
    };

    private const SourceWord Every = SourceWord.Verifiable | SourceWord.Now | SourceWord.Today | SourceWord.Network;

    private readonly ConcurrentDictionary<SyntaxTree, SourceWord> _trees = new();

    /// <summary>True when a file of <paramref name="blocks"/> may write one of <paramref name="words"/>.</summary>
    public bool MayName(ImmutableArray<IOperation> blocks, SourceWord words)
    {
        foreach (var block in blocks)
        {
            if ((In(block.Syntax.SyntaxTree) & words) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="tree"/> may write one of <paramref name="words"/>.</summary>
    public bool MayName(SyntaxTree tree, SourceWord words) => (In(tree) & words) != 0;

    private SourceWord In(SyntaxTree tree)
        => _trees.TryGetValue(tree, out var known) ? known : _trees.GetOrAdd(tree, Search(tree));

    private static SourceWord Search(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        if (text.IndexOf("\\u", StringComparison.Ordinal) >= 0)
        {
            return Every;
        }

        var found = SourceWord.None;
        foreach (var (word, spelling) in Words)
        {
            if ((found & word) == 0 && text.IndexOf(spelling, StringComparison.Ordinal) >= 0)
            {
                found |= word;
            }
        }

        return found;
    }
}
