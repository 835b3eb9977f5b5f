using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TestSmells.Analyzers.Infrastructure;

/// <summary>
/// What one analyzer does with its findings when the compilation has a baseline. A finding whose rule
/// and member have no entry is reported at once. A finding with an entry is held until the end of the
/// compilation: if the member has no more findings of that rule than the entry's count, they stay
/// silent; if it has more, all of them are reported (which one is new cannot be told from the member
/// alone, and the reader needs to see the whole set to decide). An entry with fewer findings than its
/// count is reported once as stale (TSTB002), on its line of the baseline file.
/// </summary>
internal sealed class BaselineFilter
{
    private readonly Baseline _baseline;
    private readonly ImmutableArray<DiagnosticDescriptor> _rules;
    private readonly ConcurrentDictionary<(string RuleId, string Member), List<Diagnostic>> _held = new();

    public BaselineFilter(Baseline baseline, ImmutableArray<DiagnosticDescriptor> rules)
    {
        _baseline = baseline;
        _rules = rules;
    }

    /// <summary>Routes <paramref name="diagnostic"/> through the baseline; <paramref name="report"/> is the compiler's.</summary>
    public void Report(Diagnostic diagnostic, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        if (!_baseline.Covers(diagnostic.Id))
        {
            report(diagnostic);
            return;
        }

        var member = _baseline.MemberId(diagnostic.Location, cancellationToken);
        if (!_baseline.TryGetEntry(diagnostic.Id, member, out _))
        {
            report(diagnostic);
            return;
        }

        var held = _held.GetOrAdd((diagnostic.Id, member), _ => new List<Diagnostic>());
        lock (held)
        {
            held.Add(diagnostic);
        }
    }

    public void ReportAtEnd(CompilationAnalysisContext context)
    {
        foreach (var rule in _rules)
        {
            foreach (var entry in _baseline.EntriesOf(rule.Id))
            {
                var found = _held.TryGetValue((entry.RuleId, entry.Member), out var held) ? held : null;
                var count = found?.Count ?? 0;
                if (count > entry.Count)
                {
                    foreach (var diagnostic in found!.OrderBy(d => d.Location.SourceSpan.Start))
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
                else if (count < entry.Count && entry.InSection)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rules.TSTB002, entry.Location, entry.Count, entry.RuleId, entry.Member, count));
                }
            }
        }
    }
}
