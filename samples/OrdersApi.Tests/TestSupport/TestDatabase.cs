using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OrdersApi.Data;

namespace OrdersApi.Tests.TestSupport;

/// <summary>
/// A private SQLite database for one test: real engine, real schema, real constraints. It lives in
/// memory for as long as its connection is open, so every test gets a new, empty one and nothing is
/// shared between tests.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public TestDatabase()
    {
        connection.Open();
        using OrdersDbContext db = CreateContext();
        db.Database.EnsureCreated(); // the same schema creation the application runs at startup
    }

    /// <summary>A new context (a new unit of work) on this test's database.</summary>
    public OrdersDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<OrdersDbContext>().UseSqlite(connection).Options);

    public void Dispose() => connection.Dispose();
}
