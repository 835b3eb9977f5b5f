using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TestSmells.Analyzers.Model;

/// <summary>The <c>.editorconfig</c> options of the package (keys start with <c>test_smells.</c>).</summary>
internal static class SmellOptions
{
    public const string AssertionMethodsKey = "test_smells.assertion_methods";

    /// <summary>TST3001 reports tests named as smoke tests (<c>..._DoesNotThrow</c>) too when this is <c>true</c>.</summary>
    public const string ReportSmokeTestsKey = "test_smells.report_smoke_tests";

    /// <summary>True when the boolean option <paramref name="key"/> is set to <c>true</c> for the file of <paramref name="tree"/>.</summary>
    public static bool IsTrue(AnalyzerOptions options, SyntaxTree tree, string key)
        => bool.TryParse(Get(options, tree, key)?.Trim(), out var value) && value;

    /// <summary>How long the poll written by the TST1001/TST1002 fix waits for its condition, in milliseconds.</summary>
    public const string PollTimeoutKey = "test_smells.poll_timeout_ms";

    public const int DefaultPollTimeoutMs = 5000;

    /// <summary>Which reads of the wall clock TST1003 reports: <c>all</c>, or (default) those the outcome depends on.</summary>
    public const string WallClockKey = "test_smells.wall_clock";

    /// <summary>True when <c>test_smells.wall_clock = all</c> asks TST1003 for every read in the file of <paramref name="tree"/>.</summary>
    public static bool ReportsEveryClockRead(AnalyzerOptions options, SyntaxTree tree)
        => string.Equals(Get(options, tree, WallClockKey)?.Trim(), "all", StringComparison.OrdinalIgnoreCase);

    /// <summary>The poll timeout for the file of <paramref name="tree"/>: a positive integer, else the default.</summary>
    public static int PollTimeoutMs(AnalyzerOptions options, SyntaxTree tree)
        => int.TryParse(Get(options, tree, PollTimeoutKey), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : DefaultPollTimeoutMs;

    /// <summary>Reads a raw option value for the file that contains <paramref name="tree"/>.</summary>
    public static string? Get(AnalyzerOptions options, SyntaxTree tree, string key)
        => options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value) ? value : null;
}

/// <summary>
/// The user's own assertion methods from <c>test_smells.assertion_methods</c>: a <c>|</c>-separated
/// list of method names (<c>ShouldMatchSnapshot</c>), type-qualified names (<c>OrderAsserts.HasTotal</c>,
/// with or without namespace) and documentation IDs (<c>M:Acme.Checks.Ensure(System.Boolean)</c>).
/// </summary>
internal sealed class UserAssertionMethods
{
    public static readonly UserAssertionMethods Empty = new(ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty);

    private readonly ImmutableHashSet<string> _names;
    private readonly ImmutableHashSet<string> _qualifiedNames;
    private readonly ImmutableHashSet<string> _documentationIds;

    private UserAssertionMethods(ImmutableHashSet<string> names, ImmutableHashSet<string> qualifiedNames, ImmutableHashSet<string> documentationIds)
    {
        _names = names;
        _qualifiedNames = qualifiedNames;
        _documentationIds = documentationIds;
    }

    public bool IsEmpty => _names.IsEmpty && _qualifiedNames.IsEmpty && _documentationIds.IsEmpty;

    /// <summary>Parses the option value (callers cache the result per compilation).</summary>
    public static UserAssertionMethods Parse(string value)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var qualified = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var docIds = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var part in value.Split('|'))
        {
            var entry = part.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            if (entry.StartsWith("M:", StringComparison.Ordinal))
            {
                docIds.Add(entry);
            }
            else if (entry.IndexOf('.') >= 0)
            {
                qualified.Add(entry);
            }
            else
            {
                names.Add(entry);
            }
        }

        return new UserAssertionMethods(names.ToImmutable(), qualified.ToImmutable(), docIds.ToImmutable());
    }

    public bool Matches(IMethodSymbol method)
    {
        if (IsEmpty)
        {
            return false;
        }

        if (_names.Contains(method.Name))
        {
            return true;
        }

        if (!_qualifiedNames.IsEmpty && method.ContainingType is { } type)
        {
            if (_qualifiedNames.Contains(type.Name + "." + method.Name)
                || _qualifiedNames.Contains(type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)) + "." + method.Name))
            {
                return true;
            }
        }

        return !_documentationIds.IsEmpty && method.GetDocumentationCommentId() is { } id && _documentationIds.Contains(id);
    }
}
