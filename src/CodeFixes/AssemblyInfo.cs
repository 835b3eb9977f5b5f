// The code fixes of TestSmells.Analyzers, one fixer per file beside the analyzers' categories
// (Time/, TestDoubles/, Assertions/, Isolation/, Hygiene/). The fixes of TST1001-TST1005 arrive with
// the Time work; this assembly ships in the package from the start so that consumers' IDEs load it.
[assembly: System.Reflection.AssemblyMetadata("TestSmells.Analyzers.Role", "CodeFixes")]
