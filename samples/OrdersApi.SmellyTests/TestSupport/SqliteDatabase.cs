using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OrdersApi.Data;

namespace OrdersApi.SmellyTests.TestSupport;

/// <summary>
/// A private in-memory SQLite database for one test (the suite's plumbing is sound; its smells are in
/// the tests). It is named and shared-cache, so every context opens its own connection to it, from any
/// thread; it lives as long as this object keeps its first connection open.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnection keepAlive;

    public SqliteDatabase()
    {
        ConnectionString = $"Data Source=orders-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        keepAlive = new SqliteConnection(ConnectionString);
        keepAlive.Open();
        using OrdersDbContext db = CreateContext();
        db.Database.EnsureCreated();
    }

    public string ConnectionString { get; }

    public OrdersDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<OrdersDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose() => keepAlive.Dispose();
}
