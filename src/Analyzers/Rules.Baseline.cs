using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers;

/// <summary>
/// Diagnostics about the package's own configuration rather than about test code (TSTBxxx). TSTB001,
/// an unknown TestSmellsAnalysisMode, is an MSBuild warning of buildTransitive/TestSmells.Analyzers.targets;
/// the ones below are reported by the analyzers themselves.
/// </summary>
internal static partial class Rules
{
    public const string BaselineCategory = "Baseline";

    public static readonly DiagnosticDescriptor TSTB002 = new(
        "TSTB002",
        "Baseline entry is out of date",
        "The baseline allows {0} {1} finding(s) in '{2}' but {3} remain; run 'testsmells baseline' to shrink the file",
        BaselineCategory,
        DiagnosticSeverity.Info,
        // Off unless a baseline exists: an enabled TSTB002 would make the compiler run every analyzer,
        // even one whose rule is switched off. The package's targets switch it on with the baseline
        // (buildTransitive/TestSmells.Baseline.globalconfig), and so does the testsmells command.
        isEnabledByDefault: false,
        description: "An entry of testsmells.baseline covers more findings than the member still has (the smell was fixed, or the member was renamed or removed). Updating the baseline keeps it from hiding a new smell of the same rule in that member.",
        helpLinkUri: HelpLink("TSTB002"),
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
