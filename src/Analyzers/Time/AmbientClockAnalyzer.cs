using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Time;

/// <summary>
/// TST1004: production code that reads the ambient clock (<c>DateTime.Now/UtcNow/Today</c>,
/// <c>DateTimeOffset.Now/UtcNow</c>) where <c>System.TimeProvider</c> is available to inject.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AmbientClockAnalyzer : TestSmellsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.TST1004);

    private protected override bool AnalyzesProductionCode => true;

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var clock = new ClockReads(context.Compilation);
        if (clock.TimeProvider is null)
        {
            // Nothing to inject: the advice would not compile.
            return;
        }

        // Most files of a project never name the clock: their code registers nothing (one text search
        // per file instead of a callback per property read).
        var treesNamingClock = new ConcurrentDictionary<SyntaxTree, bool>();
        context.RegisterOperationBlockStartAction(blockStart =>
        {
            if (!MayNameClock(blockStart.OperationBlocks, treesNamingClock))
            {
                return;
            }

            blockStart.RegisterOperationAction(
                operationContext =>
                {
                    var reference = (IPropertyReferenceOperation)operationContext.Operation;
                    var read = clock.Classify(reference);
                    if (read is ClockRead.None or ClockRead.TimeProviderSystem)
                    {
                        return;
                    }

                    var type = operationContext.ContainingSymbol as INamedTypeSymbol ?? operationContext.ContainingSymbol.ContainingType;
                    if (type is null
                        || clock.IsInsideTimeProviderImplementation(type)
                        || ExpressionTrees.IsInExpressionTree(reference)
                        || UnresolvedCode.HasUnresolvedAttribute(operationContext.ContainingSymbol))
                    {
                        return;
                    }

                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Rules.TST1004,
                        reference.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(ClockReads.ReadProperty, read.ToString()),
                        ClockReads.Display(read),
                        type.Name));
                },
                OperationKind.PropertyReference);
        });
    }

    /// <summary>
    /// True when a file of the blocks may name <c>Now</c>, <c>UtcNow</c> or <c>Today</c> (a property is read
    /// only where the source names it, written out or with a unicode escape); one search per file.
    /// </summary>
    private static bool MayNameClock(ImmutableArray<IOperation> blocks, ConcurrentDictionary<SyntaxTree, bool> trees)
    {
        foreach (var block in blocks)
        {
            var tree = block.Syntax.SyntaxTree;
            if (trees.TryGetValue(tree, out var known) ? known : trees.GetOrAdd(tree, static t =>
                {
                    var text = t.GetText().ToString();
                    return text.IndexOf("Now", StringComparison.Ordinal) >= 0
                        || text.IndexOf("Today", StringComparison.Ordinal) >= 0
                        || text.IndexOf("\\u", StringComparison.Ordinal) >= 0;
                }))
            {
                return true;
            }
        }

        return false;
    }
}
