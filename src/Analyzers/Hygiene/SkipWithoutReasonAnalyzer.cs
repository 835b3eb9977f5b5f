using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TestSmells.Analyzers.Infrastructure;
using TestSmells.Analyzers.Model;

namespace TestSmells.Analyzers.Hygiene;

/// <summary>
/// TST5001: a skip attribute on a test or test class that gives no reason (missing, empty or
/// blank), or, when <c>test_smells.skip_reason_pattern</c> is set, a reason that does not match it.
/// TST5003 instead of TST5001 when the attribute gives no reason but a comment next to it does (see
/// <see cref="SkipReasonComment"/>; with the pattern option set, the comment must match it).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SkipWithoutReasonAnalyzer : TestSmellsAnalyzer
{
    /// <summary>A .NET regular expression every skip reason must match (e.g. a link to the issue tracker).</summary>
    public const string ReasonPatternKey = "test_smells.skip_reason_pattern";

    /// <summary>TST5003's property with the reason read from the comments (the comments are the additional locations).</summary>
    public const string ReasonProperty = "Reason";

    private const string XunitV2RunsIt = " (and xUnit v2 runs a test whose skip reason is empty)";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private protected override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Rules.TST5001, Rules.TST5003);

    private protected override void Register(CompilationStartAnalysisContext context, TestCodeModel model)
    {
        var skips = new SkipAttributes(context.Compilation);
        if (skips.IsEmpty)
        {
            return;
        }

        // Parsed once per distinct pattern per compilation; null for an invalid pattern (treated as not set).
        var patterns = new ConcurrentDictionary<string, Regex?>(StringComparer.Ordinal);

        context.RegisterSymbolAction(
            symbolContext =>
            {
                var symbol = symbolContext.Symbol;
                var isTest = symbol is IMethodSymbol method ? model.IsTestMethod(method) : model.IsTestClass(symbol as INamedTypeSymbol);
                if (!isTest)
                {
                    return;
                }

                foreach (var attribute in symbol.GetAttributes())
                {
                    if (!skips.IsSkip(attribute, out var reason)
                        || attribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken) is not AttributeSyntax syntax)
                    {
                        continue;
                    }

                    var pattern = SmellOptions.Get(symbolContext.Options, syntax.SyntaxTree, ReasonPatternKey) is { } raw && !string.IsNullOrWhiteSpace(raw)
                        ? patterns.GetOrAdd(raw.Trim(), Parse)
                        : null;
                    string? problem = null;
                    if (string.IsNullOrWhiteSpace(reason)
                        && SkipReasonComment.Find(syntax) is { } comment
                        && (pattern is null || Matches(pattern, comment.Reason)))
                    {
                        var note = reason is { Length: 0 } && skips.IsXunit(attribute) ? XunitV2RunsIt : string.Empty;
                        symbolContext.ReportDiagnostic(Diagnostic.Create(
                            Rules.TST5003,
                            syntax.GetLocation(),
                            comment.Comments,
                            ImmutableDictionary<string, string?>.Empty.Add(ReasonProperty, comment.Reason),
                            comment.Reason,
                            note));
                        continue;
                    }

                    if (reason is { Length: 0 } && skips.IsXunit(attribute))
                    {
                        // xUnit v2 skips only on a non-empty reason: the test still runs, and the attribute says otherwise.
                        problem = "Skip = \"\" gives no reason" + XunitV2RunsIt;
                    }
                    else if (string.IsNullOrWhiteSpace(reason))
                    {
                        problem = "The test is skipped without a reason";
                    }
                    else if (pattern is not null && !Matches(pattern, reason!))
                    {
                        problem = $"The skip reason \"{reason}\" does not match the required pattern '{pattern}' ({ReasonPatternKey})";
                    }

                    if (problem is not null)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(Rules.TST5001, syntax.GetLocation(), problem));
                    }
                }
            },
            SymbolKind.Method,
            SymbolKind.NamedType);
    }

    private static Regex? Parse(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when the reason matches; a pattern too slow to answer counts as a match (no finding).</summary>
    private static bool Matches(Regex pattern, string reason)
    {
        try
        {
            return pattern.IsMatch(reason);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
