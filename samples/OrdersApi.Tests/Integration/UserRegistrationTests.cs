using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OrdersApi.Data;
using OrdersApi.Tests.TestSupport;
using OrdersApi.Users;

namespace OrdersApi.Tests.Integration;

/// <summary>
/// Users against a real SQLite database: the unique email rule is proven by the database refusing the
/// row, which only happens if the unique index really exists in the schema.
/// </summary>
public sealed class UserRegistrationTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider time = new(Instants.WednesdayMorning);

    public void Dispose() => database.Dispose();

    [Theory]
    [InlineData("ada@example.com", "ada@example.com")]
    [InlineData("ada@example.com", "ADA@Example.COM")]
    public async Task Database_refuses_a_second_user_with_the_same_email(string firstEmail, string secondEmail)
    {
        await using (OrdersDbContext db = database.CreateContext())
        {
            db.Users.Add(new User { Email = firstEmail, Name = "Ada" });
            await db.SaveChangesAsync();
        }

        await using (OrdersDbContext db = database.CreateContext())
        {
            // Straight through the DbContext: no service, no pre-check, only the database can say no.
            db.Users.Add(new User { Email = secondEmail, Name = "Another Ada" });

            DbUpdateException failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            SqliteException sqlite = Assert.IsType<SqliteException>(failure.InnerException);
            Assert.Contains("UNIQUE constraint failed: Users.Email", sqlite.Message, StringComparison.Ordinal);
        }

        await using OrdersDbContext check = database.CreateContext();
        Assert.Equal(1, await check.Users.CountAsync());
    }

    [Fact]
    public async Task Users_with_different_emails_are_both_stored()
    {
        await using (OrdersDbContext db = database.CreateContext())
        {
            var service = new UserService(db, time);
            await service.RegisterAsync("ada@example.com", "Ada", CancellationToken.None);
            await service.RegisterAsync("grace@example.com", "Grace", CancellationToken.None);
        }

        await using OrdersDbContext check = database.CreateContext();
        Assert.Equal(["ada@example.com", "grace@example.com"], await check.Users.OrderBy(u => u.Id).Select(u => u.Email).ToListAsync());
    }

    [Fact]
    public async Task Registering_a_taken_email_is_reported_as_a_duplicate()
    {
        await using (OrdersDbContext db = database.CreateContext())
            await new UserService(db, time).RegisterAsync("ada@example.com", "Ada", CancellationToken.None);

        await using (OrdersDbContext db = database.CreateContext())
        {
            var service = new UserService(db, time);
            DuplicateEmailException duplicate = await Assert.ThrowsAsync<DuplicateEmailException>(
                () => service.RegisterAsync(" Ada@Example.com ", "Impostor", CancellationToken.None));
            Assert.Equal("ada@example.com", duplicate.Email);
        }

        await using OrdersDbContext check = database.CreateContext();
        User only = Assert.Single(await check.Users.ToListAsync());
        Assert.Equal("Ada", only.Name);
    }

    [Fact]
    public async Task Registration_stores_the_normalized_email_and_the_time_of_registration()
    {
        time.Advance(TimeSpan.FromMinutes(90));
        int id;
        await using (OrdersDbContext db = database.CreateContext())
            id = (await new UserService(db, time).RegisterAsync("  Grace@Example.COM ", " Grace Hopper ", CancellationToken.None)).Id;

        await using OrdersDbContext check = database.CreateContext();
        User stored = await check.Users.SingleAsync(u => u.Id == id);
        Assert.Equal("grace@example.com", stored.Email);
        Assert.Equal("Grace Hopper", stored.Name);
        Assert.Equal(Instants.WednesdayMorning.AddMinutes(90), stored.RegisteredAt);
    }
}
