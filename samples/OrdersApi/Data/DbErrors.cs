using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OrdersApi.Data;

public static class DbErrors
{
    // SQLite's extended result codes for a violated UNIQUE index and PRIMARY KEY.
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    /// <summary>Whether the save failed because a unique index or primary key already holds the value.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };
}
