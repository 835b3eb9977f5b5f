using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Moq;
using NSubstitute;
using OrdersApi.Data;
using OrdersApi.Email;
using OrdersApi.Orders;
using OrdersApi.SmellyTests.TestSupport;
using OrdersApi.Worker;

namespace OrdersApi.SmellyTests.Worker;

/// <summary>The idempotent consumer of "order placed" messages, with mocks where the honest suite keeps what was sent.</summary>
public sealed class OrderConfirmationHandlerTests : IDisposable
{
    private readonly SqliteDatabase database = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => database.Dispose();

    private async Task<OrderPlaced> PlaceOrderAsync(string email)
    {
        await using OrdersDbContext db = database.CreateContext();
        var user = new User { Email = email, Name = "Ada" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        Order order = await new OrderService(db, time).PlaceAsync(
            new PlaceOrder(user.Id, [new("WIDGET", 2)], CouponCode: null), CancellationToken.None);
        OutboxMessage message = await db.Outbox.SingleAsync(m => m.OrderId == order.Id);
        return new OrderPlaced(message.MessageId, order.Id);
    }

    [Fact]
    public async Task Sends_the_customer_a_confirmation() // expect: TST2003
    {
        OrderPlaced message = await PlaceOrderAsync("ada@example.com");
        var email = Substitute.For<IEmailSender>();
        email.SendAsync(Arg.Any<EmailMessage>(), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);

        await using OrdersDbContext db = database.CreateContext();
        await new OrderConfirmationHandler(db, email, time).HandleAsync(message, CancellationToken.None);
    }

    [Fact]
    public async Task Delivering_the_same_message_twice_sends_one_email() // expect: TST2005
    {
        OrderPlaced message = await PlaceOrderAsync("ada@example.com");
        var email = Substitute.For<IEmailSender>();

        for (int delivery = 0; delivery < 2; delivery++)
        {
            await using OrdersDbContext db = database.CreateContext();
            await new OrderConfirmationHandler(db, email, time).HandleAsync(message, CancellationToken.None);
        }

        // Counts calls; what the database recorded, and what the email said, go unchecked.
        await email.Received(1).SendAsync(Arg.Any<EmailMessage>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public async Task The_handler_reports_the_email_as_sent()
    {
        OrderPlaced message = await PlaceOrderAsync("ada@example.com");
        var email = new Mock<IEmailSender>();
        email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask).Verifiable(); // expect: TST2004

        await using OrdersDbContext db = database.CreateContext();
        bool sent = await new OrderConfirmationHandler(db, email.Object, time).HandleAsync(message, CancellationToken.None);

        Assert.True(sent);
    }
}
