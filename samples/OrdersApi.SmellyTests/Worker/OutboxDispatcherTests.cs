using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OrdersApi.Data;
using OrdersApi.Orders;
using OrdersApi.SmellyTests.TestSupport;
using OrdersApi.Worker;

namespace OrdersApi.SmellyTests.Worker;

/// <summary>One pass of the worker, called directly, on a fake clock that the test forgets to move.</summary>
public sealed class OutboxDispatcherTests : IDisposable
{
    private readonly SqliteDatabase database = new();
    private readonly SentEmails emails = new();

    public void Dispose() => database.Dispose();

    private async Task PlaceOrderAsync(TimeProvider clock)
    {
        await using OrdersDbContext db = database.CreateContext();
        var user = new User { Email = "ada@example.com", Name = "Ada" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        await new OrderService(db, clock).PlaceAsync(new PlaceOrder(user.Id, [new("GADGET", 1)], CouponCode: null), CancellationToken.None);
    }

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public async Task A_message_is_stamped_with_the_time_it_was_dispatched()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        await PlaceOrderAsync(time);

        // A second passes before the worker's pass... in real time; the code reads the fake clock.
        Thread.Sleep(TimeSpan.FromSeconds(1)); // expect: TST1001

        await using OrdersDbContext db = database.CreateContext();
        await new OutboxDispatcher(db, new OrderConfirmationHandler(db, emails, time), time).DispatchPendingAsync(CancellationToken.None);
        OutboxMessage message = await db.Outbox.SingleAsync();
        Assert.Equal(message.CreatedAt.AddSeconds(1), message.DispatchedAt);
    }
}
