using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OrdersApi.Data;
using OrdersApi.Email;
using OrdersApi.Orders;
using OrdersApi.Tests.TestSupport;
using OrdersApi.Worker;

namespace OrdersApi.Tests.Worker;

/// <summary>
/// The consumer of "order placed" messages, driven directly (no background loop, nothing to wait for),
/// against a real database and a recording fake of the email provider. Each delivery uses a new
/// DbContext, as each delivery gets its own scope in the running worker.
/// </summary>
public sealed class OrderConfirmationHandlerTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider time = new(Instants.WednesdayMorning);
    private readonly RecordingEmailSender emails = new();

    public void Dispose() => database.Dispose();

    private async Task<OrderPlaced> PlaceOrderAsync(string email, string productCode, int quantity)
    {
        await using OrdersDbContext db = database.CreateContext();
        var user = new User { Email = email, Name = "Ada" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        Order order = await new OrderService(db, time).PlaceAsync(
            new PlaceOrder(user.Id, [new(productCode, quantity)], CouponCode: null), CancellationToken.None);
        OutboxMessage message = await db.Outbox.SingleAsync(m => m.OrderId == order.Id);
        return new OrderPlaced(message.MessageId, order.Id);
    }

    private async Task<bool> DeliverAsync(OrderPlaced message)
    {
        await using OrdersDbContext db = database.CreateContext();
        return await new OrderConfirmationHandler(db, emails, time).HandleAsync(message, CancellationToken.None);
    }

    [Fact]
    public async Task Sends_the_customer_a_confirmation_with_the_order_total()
    {
        OrderPlaced message = await PlaceOrderAsync("ada@example.com", "WIDGET", 2);

        bool sent = await DeliverAsync(message);

        Assert.True(sent);
        EmailMessage email = Assert.Single(emails.Sent);
        Assert.Equal("ada@example.com", email.To);
        Assert.Equal($"Your order #{message.OrderId} is confirmed", email.Subject);
        Assert.Contains("Total: 25.00.", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivering_the_same_message_twice_sends_one_email()
    {
        OrderPlaced message = await PlaceOrderAsync("ada@example.com", "WIDGET", 2);

        bool first = await DeliverAsync(message);
        bool redelivery = await DeliverAsync(message); // at-least-once delivery: duplicates happen

        Assert.Equal((true, false), (first, redelivery));
        Assert.Single(emails.Sent);
        await using OrdersDbContext check = database.CreateContext();
        ProcessedMessage processed = Assert.Single(await check.ProcessedMessages.ToListAsync());
        Assert.Equal(message.MessageId, processed.MessageId);
        Assert.Equal(Instants.WednesdayMorning, processed.ProcessedAt);
    }

    [Fact]
    public async Task Different_orders_each_get_their_own_email()
    {
        OrderPlaced ada = await PlaceOrderAsync("ada@example.com", "WIDGET", 1);
        OrderPlaced grace = await PlaceOrderAsync("grace@example.com", "GADGET", 1);

        await DeliverAsync(ada);
        await DeliverAsync(grace);
        await DeliverAsync(ada);

        Assert.Equal(["ada@example.com", "grace@example.com"], emails.Sent.Select(e => e.To));
    }

    [Fact]
    public async Task A_delivery_whose_email_failed_is_not_recorded_so_the_next_delivery_sends_it()
    {
        OrderPlaced message = await PlaceOrderAsync("ada@example.com", "CABLE", 1);
        var outage = new HttpRequestException("The email provider is unavailable.");
        emails.FailNextSendWith(outage);

        HttpRequestException thrown = await Assert.ThrowsAsync<HttpRequestException>(() => DeliverAsync(message));
        bool retried = await DeliverAsync(message);

        Assert.Same(outage, thrown);
        Assert.True(retried);
        Assert.Single(emails.Sent);
    }
}
