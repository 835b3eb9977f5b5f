using Microsoft.CodeAnalysis;

namespace TestSmells.Analyzers;

/// <summary>Descriptors of the TestDoubles category (TST2xxx).</summary>
internal static partial class Rules
{
    public static readonly DiagnosticDescriptor TST2001 = Create(
        "TST2001",
        "Do not mock your own database context",
        "'{0}' is a database type: a mock of it runs no query, constraint or transaction; test against a real database (SQLite in-memory, or Testcontainers) instead",
        Categories.TestDoubles,
        DiagnosticSeverity.Warning,
        "A mocked DbContext, DbSet or connection answers whatever the test told it to, so LINQ that the provider cannot translate, missing includes, constraints and transactions all pass. Run the code against a real database engine: SQLite in-memory for speed, or the production engine in a container.");

    public static readonly DiagnosticDescriptor TST2002 = Create(
        "TST2002",
        "Do not use the EF Core in-memory provider as a test database",
        "UseInMemoryDatabase({0}) is not a relational database: it ignores SQL translation, constraints and transactions; use SQLite in-memory or a real database instead",
        Categories.TestDoubles,
        DiagnosticSeverity.Warning,
        "The EF Core in-memory provider is a dictionary behind the DbContext API: queries that fail on a real database succeed, foreign keys and unique indexes are not enforced and transactions do nothing. SQLite in-memory is as fast and is a real relational engine.");

    public static readonly DiagnosticDescriptor TST2003 = Create(
        "TST2003",
        "Test sets up mocks but asserts nothing",
        "Test '{0}' sets up mock '{1}' but asserts and verifies nothing; assert the outcome or verify the expected calls",
        Categories.TestDoubles,
        DiagnosticSeverity.Info,
        "A test that arranges test doubles and then checks nothing passes whatever the code under test does, as long as it does not throw. Assert the result, or verify the interaction the test is about.");

    public static readonly DiagnosticDescriptor TST2004 = Create(
        "TST2004",
        "Verifiable expectation is never verified",
        "The setup marked Verifiable() on '{0}' is never verified; call {0}.Verify() at the end of the test",
        Categories.TestDoubles,
        DiagnosticSeverity.Info,
        "Verifiable() only marks a Moq setup; nothing is checked until Verify() (or VerifyAll(), a MockRepository's Verify(), Mock.Verify(mocks)) runs. Without it the expected call may never happen and the test still passes.");

    public static readonly DiagnosticDescriptor TST2005 = Create(
        "TST2005",
        "Test asserts only interactions, not outcomes",
        "Test '{0}' only verifies calls on test doubles; also assert the outcome (the result, the saved state) that callers rely on",
        Categories.TestDoubles,
        DiagnosticSeverity.Info,
        "A test whose only checks are mock verifications pins how the code works instead of what it achieves: it breaks on every refactoring and can pass while the result is wrong. Assert the observable outcome as well, or instead.",
        isEnabledByDefault: false);
}
