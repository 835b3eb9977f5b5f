using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers;

/// <summary>
/// The catalog of diagnostic descriptors, one partial file per category (Time/Rules.Time.cs, ...).
/// IDs, titles, categories and default severities
/// follow the rule catalog; the help link of every rule is built from its ID.
/// </summary>
internal static partial class Rules
{
    public const string RepositoryUrl = "https://github.com/testsmells/TestSmells.Analyzers";

    public static class Categories
    {
        public const string Time = "Time";
        public const string TestDoubles = "TestDoubles";
        public const string Assertions = "Assertions";
        public const string Isolation = "Isolation";
        public const string Hygiene = "Hygiene";
    }

    public static string HelpLink(string id) => $"{RepositoryUrl}/blob/main/docs/rules/{id}.md";

    internal static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        bool isEnabledByDefault = true)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault, description, HelpLink(id));
}
