using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TestSmells.Analyzers.Model;

/// <summary>Member names some rules look for; a file that writes none of them cannot hold what they report.</summary>
[Flags]
internal enum SourceWord
{
    None = 0,
    Sleep = 1,
    Delay = 2,
    Write = 4,
    UseInMemoryDatabase = 8,
    Verifiable = 16,

    /// <summary><c>Now</c>, <c>UtcNow</c>.</summary>
    Now = 32,
    Today = 64,
}

/// <summary>
/// Which files of the compilation write which <see cref="SourceWord"/>s: a call binds to a method, and
/// a property read to a property, only where the source writes its name (or spells it with a unicode
/// escape, which counts as every word). One text search per file, shared by every rule, so that a rule
/// about <c>Thread.Sleep</c> registers nothing for the code of the many files that never name it.
/// </summary>
internal sealed class SourceWords
{
    private static readonly (SourceWord Word, string Text)[] Words =
    {
        (SourceWord.Sleep, "Sleep"),
        (SourceWord.Delay, "Delay"),
        (SourceWord.Write, "Write"),
        (SourceWord.UseInMemoryDatabase, "UseInMemoryDatabase"),
        (SourceWord.Verifiable, "Verifiable"),
        (SourceWord.Now, "Now"),
        (SourceWord.Today, "Today"),
    };

    private const SourceWord Every = SourceWord.Sleep | SourceWord.Delay | SourceWord.Write | SourceWord.UseInMemoryDatabase
        | SourceWord.Verifiable | SourceWord.Now | SourceWord.Today;

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

    /// <summary>
    /// Registers <paramref name="action"/> for operations of <paramref name="kinds"/> in the code of the
    /// files that may write one of <paramref name="words"/> (one cheap check per code block instead of a
    /// callback per operation everywhere).
    /// </summary>
    public void RegisterOperationAction(
        CompilationStartAnalysisContext context,
        SourceWord words,
        Action<OperationAnalysisContext> action,
        params OperationKind[] kinds)
    {
        var operationKinds = ImmutableArray.Create(kinds);
        context.RegisterOperationBlockStartAction(start =>
        {
            if (MayName(start.OperationBlocks, words))
            {
                start.RegisterOperationAction(action, operationKinds);
            }
        });
    }

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
            if (text.IndexOf(spelling, StringComparison.Ordinal) >= 0)
            {
                found |= word;
            }
        }

        return found;
    }
}
