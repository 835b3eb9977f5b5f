using Microsoft.Extensions.DependencyInjection;
using OrdersApi.Data;
using OrdersApi.Orders;
using OrdersApi.SmellyTests.TestSupport;

namespace OrdersApi.SmellyTests.Worker;

/// <summary>
/// The background worker end to end, on the real clock: it polls the outbox every 100 ms, and the
/// tests guess how long that takes. On a busy machine the guess is too short.
/// </summary>
public sealed class OrderPlacedWorkerTests : IDisposable
{
    private static readonly DateTimeOffset PlacedAt = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly OrdersApp app = new();

    public void Dispose() => app.Dispose();

    /// <summary>Stores what placing an order stores: the order and, in the same save, its outbox message.</summary>
    private void PlaceOrder(string email)
    {
        using IServiceScope scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var order = new Order
        {
            User = new User { Email = email, Name = "Customer" },
            PlacedAt = PlacedAt,
            Subtotal = 12.50m,
            Total = 12.50m,
            Lines = [new OrderLine { ProductCode = "WIDGET", Quantity = 1, UnitPrice = 12.50m }],
        };
        db.Orders.Add(order);
        db.Outbox.Add(new OutboxMessage { MessageId = Guid.NewGuid(), Type = OrderService.OrderPlacedMessageType, Order = order, CreatedAt = PlacedAt });
        db.SaveChanges();
    }

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public void The_worker_emails_the_customer()
    {
        PlaceOrder("ada@example.com");

        Thread.Sleep(300); // expect: TST1001

        Assert.Single(app.Emails.Sent);
    }

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public async Task The_worker_emails_every_customer_once()
    {
        PlaceOrder("ada@example.com");
        PlaceOrder("grace@example.com");

        await Task.Delay(500); // expect: TST1002

        Assert.Equal(2, app.Emails.Sent.Count);
    }
}
