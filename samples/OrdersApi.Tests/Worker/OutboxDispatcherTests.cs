using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OrdersApi.Data;
using OrdersApi.Orders;
using OrdersApi.Tests.TestSupport;
using OrdersApi.Worker;

namespace OrdersApi.Tests.Worker;

/// <summary>
/// One pass of the worker (what its timer triggers), called directly: what is waiting in the outbox
/// is delivered once, and a redelivery after a crash does not email the customer again.
/// </summary>
public sealed class OutboxDispatcherTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider time = new(Instants.WednesdayMorning);
    private readonly RecordingEmailSender emails = new();

    public void Dispose() => database.Dispose();

    private async Task<int> PlaceOrderAsync(string email)
    {
        await using OrdersDbContext db = database.CreateContext();
        var user = new User { Email = email, Name = "Customer" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        Order order = await new OrderService(db, time).PlaceAsync(
            new PlaceOrder(user.Id, [new("WIDGET", 1)], CouponCode: null), CancellationToken.None);
        return order.Id;
    }

    private async Task<int> RunOnePassAsync()
    {
        await using OrdersDbContext db = database.CreateContext();
        var dispatcher = new OutboxDispatcher(db, new OrderConfirmationHandler(db, emails, time), time);
        return await dispatcher.DispatchPendingAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_pass_delivers_what_waits_and_the_next_pass_finds_nothing()
    {
        await PlaceOrderAsync("ada@example.com");
        await PlaceOrderAsync("grace@example.com");
        time.Advance(TimeSpan.FromSeconds(5));

        int firstPass = await RunOnePassAsync();
        int secondPass = await RunOnePassAsync();

        Assert.Equal((2, 0), (firstPass, secondPass));
        Assert.Equal(["ada@example.com", "grace@example.com"], emails.Sent.Select(e => e.To));
        await using OrdersDbContext check = database.CreateContext();
        Assert.All(await check.Outbox.ToListAsync(),
            m => Assert.Equal(Instants.WednesdayMorning.AddSeconds(5), m.DispatchedAt));
    }

    [Fact]
    public async Task A_message_redelivered_after_a_crash_does_not_email_the_customer_again()
    {
        int orderId = await PlaceOrderAsync("ada@example.com");
        // A previous pass handled the message and then died before marking it dispatched.
        await using (OrdersDbContext db = database.CreateContext())
        {
            OutboxMessage waiting = await db.Outbox.SingleAsync(m => m.OrderId == orderId);
            await new OrderConfirmationHandler(db, emails, time)
                .HandleAsync(new OrderPlaced(waiting.MessageId, orderId), CancellationToken.None);
        }

        int redelivered = await RunOnePassAsync();

        Assert.Equal(1, redelivered);
        Assert.Single(emails.Sent);
        await using OrdersDbContext check = database.CreateContext();
        Assert.Equal(Instants.WednesdayMorning, (await check.Outbox.SingleAsync()).DispatchedAt);
    }
}
