using Microsoft.Extensions.Time.Testing;
using OrdersApi.Data;
using OrdersApi.SmellyTests.TestSupport;
using OrdersApi.Users;

namespace OrdersApi.SmellyTests.Users;

/// <summary>
/// A smell without a code fix, in a file of its own: `dotnet format analyzers` gives up on a rule when
/// the first finding it picks has no fix, so the road test keeps this file out of its format run.
/// </summary>
public class DuplicateEmailTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Registering_a_taken_email_fails() // expect: TST3001
    {
        using var database = new SqliteDatabase();
        await using (OrdersDbContext db = database.CreateContext())
            await new UserService(db, time).RegisterAsync("ada@example.com", "Ada", CancellationToken.None);

        await using OrdersDbContext again = database.CreateContext();
        try
        {
            await new UserService(again, time).RegisterAsync("ADA@example.com", "Impostor", CancellationToken.None);
        }
        catch (DuplicateEmailException) // expect: TST3003 (no fix: nothing in the try says that the call must throw)
        {
            // expected
        }
    }
}
