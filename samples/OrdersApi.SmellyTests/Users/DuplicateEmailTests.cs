using Microsoft.Extensions.Time.Testing;
using OrdersApi.Data;
using OrdersApi.SmellyTests.TestSupport;
using OrdersApi.Users;

namespace OrdersApi.SmellyTests.Users;

/// <summary>
/// A smell of a rule that has a code fix, but not for this instance: `dotnet format analyzers` leaves it
/// and fixes the rule's other findings in the same pass (the road test checks both).
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
