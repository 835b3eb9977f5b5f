using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TestSmells.Analyzers.Infrastructure;

/// <summary>
/// The entries of <c>testsmells.baseline</c> (an <c>AdditionalFiles</c> item) that apply to one
/// compilation: findings that existed when the gate was adopted and are not reported again.
/// <para>
/// Format, one entry a line: <c>RULE MEMBER COUNT</c>, where MEMBER is the documentation-comment id
/// of the member that contains the findings (<c>M:Ns.Type.Method(System.Int32)</c>, or <c>-</c> for a
/// finding outside any member). Entries sit under a <c>[AssemblyName]</c> section, so one file at the
/// solution root serves every project; entries before the first section apply to every assembly and
/// are never reported as stale. Lines starting with <c>#</c> and blank lines are ignored, and so is a
/// line that does not parse (the file is meant to be written by <c>testsmells baseline</c>).
/// </para>
/// Parsed once per compilation and shared by every analyzer of that compilation.
/// </summary>
internal sealed class Baseline
{
    public const string FileName = "testsmells.baseline";

    /// <summary>The member id of findings outside any member (assembly attributes, top-level code, no location).</summary>
    public const string NoMember = "-";

    private static readonly ConditionalWeakTable<Compilation, Holder> Cache = new();

    private readonly Dictionary<string, Dictionary<string, Entry>> _byRule;
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    private Baseline(Dictionary<string, Dictionary<string, Entry>> byRule, Compilation compilation)
    {
        _byRule = byRule;
        _compilation = compilation;
    }

    /// <summary>The baseline of <paramref name="compilation"/>, or null when it has none (the common case).</summary>
    public static Baseline? For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var files = options.AdditionalFiles;
        if (files.IsDefaultOrEmpty)
        {
            return null;
        }

        AdditionalText? file = null;
        foreach (var candidate in files)
        {
            if (IsBaselineFile(candidate.Path))
            {
                file = candidate;
                break;
            }
        }

        if (file is null)
        {
            return null;
        }

        if (Cache.TryGetValue(compilation, out var known))
        {
            return known.Value;
        }

        var text = file.GetText(cancellationToken);
        var parsed = text is null ? null : Parse(text, file.Path, compilation);
        return Cache.GetValue(compilation, _ => new Holder(parsed)).Value;
    }

    public static bool IsBaselineFile(string path)
    {
        var name = path.Length >= FileName.Length ? path.Substring(path.Length - FileName.Length) : string.Empty;
        if (!string.Equals(name, FileName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return path.Length == FileName.Length || path[path.Length - FileName.Length - 1] is '/' or '\\';
    }

    private static Baseline? Parse(SourceText text, string path, Compilation compilation)
    {
        var byRule = new Dictionary<string, Dictionary<string, Entry>>(StringComparer.Ordinal);
        var assembly = compilation.AssemblyName ?? string.Empty;
        string? section = null;
        foreach (var line in text.Lines)
        {
            var content = line.ToString().Trim();
            if (content.Length == 0 || content[0] == '#')
            {
                continue;
            }

            if (content[0] == '[' && content[content.Length - 1] == ']')
            {
                section = content.Substring(1, content.Length - 2).Trim();
                continue;
            }

            if (section is not null && !string.Equals(section, assembly, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !int.TryParse(parts[2], out var count) || count <= 0)
            {
                continue;
            }

            if (!byRule.TryGetValue(parts[0], out var members))
            {
                members = new Dictionary<string, Entry>(StringComparer.Ordinal);
                byRule.Add(parts[0], members);
            }

            var location = Location.Create(path, line.Span, text.Lines.GetLinePositionSpan(line.Span));
            members[parts[1]] = new Entry(parts[0], parts[1], count, section is not null, location);
        }

        return byRule.Count == 0 ? null : new Baseline(byRule, compilation);
    }

    /// <summary>True when the baseline has any entry of <paramref name="ruleId"/> (the cheap first check).</summary>
    public bool Covers(string ruleId) => _byRule.ContainsKey(ruleId);

    public bool TryGetEntry(string ruleId, string member, out Entry entry)
    {
        entry = default;
        return _byRule.TryGetValue(ruleId, out var members) && members.TryGetValue(member, out entry);
    }

    public IEnumerable<Entry> EntriesOf(string ruleId)
        => _byRule.TryGetValue(ruleId, out var members) ? members.Values : Array.Empty<Entry>();

    /// <summary>The documentation-comment id of the member that contains <paramref name="location"/>.</summary>
    public string MemberId(Location location, CancellationToken cancellationToken)
        => MemberIdOf(location, _compilation, tree => _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t)), cancellationToken);

    /// <summary>
    /// The documentation-comment id of the innermost member (method, property, field, event) or type
    /// declared around <paramref name="location"/>; <see cref="NoMember"/> outside any. Also used by the
    /// testsmells command, so that the file it writes matches what the analyzers look up.
    /// </summary>
    public static string MemberIdOf(Location location, Compilation compilation, Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken)
    {
        var tree = location.SourceTree;
        if (!location.IsInSource || tree is null || !compilation.ContainsSyntaxTree(tree))
        {
            return NoMember;
        }

        var node = tree.GetRoot(cancellationToken).FindToken(location.SourceSpan.Start).Parent;
        for (; node is not null; node = node.Parent)
        {
            var declaration = node switch
            {
                VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } declarator => declarator,
                BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax => node,
                _ => null,
            };
            if (declaration is null)
            {
                continue;
            }

            var symbol = modelOf(tree).GetDeclaredSymbol(declaration, cancellationToken);
            return symbol is null ? NoMember : DocumentationCommentId.CreateDeclarationId(symbol) ?? NoMember;
        }

        return NoMember;
    }

    /// <summary>One line of the file.</summary>
    public readonly struct Entry
    {
        public Entry(string ruleId, string member, int count, bool inSection, Location location)
        {
            RuleId = ruleId;
            Member = member;
            Count = count;
            InSection = inSection;
            Location = location;
        }

        public string RuleId { get; }

        public string Member { get; }

        public int Count { get; }

        /// <summary>False for an entry outside any assembly section: it may belong to another project, so it is never stale.</summary>
        public bool InSection { get; }

        public Location Location { get; }
    }

    private sealed class Holder
    {
        public Holder(Baseline? value) => Value = value;

        public Baseline? Value { get; }
    }
}
