using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OrdersApi.Data;
using OrdersApi.Orders;
using OrdersApi.Tests.TestSupport;

namespace OrdersApi.Tests.Integration;

/// <summary>
/// Placing orders against a real SQLite database (seeded product prices, foreign keys, the outbox
/// written in the same save) with a fake clock that the test moves.
/// </summary>
public sealed class OrderPlacementTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider time = new(Instants.WednesdayMorning);

    public void Dispose() => database.Dispose();

    private async Task<int> RegisterUserAsync()
    {
        await using OrdersDbContext db = database.CreateContext();
        var user = new User { Email = "ada@example.com", Name = "Ada" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private async Task<Order> PlaceAsync(PlaceOrder request)
    {
        await using OrdersDbContext db = database.CreateContext();
        return await new OrderService(db, time).PlaceAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task Placed_order_is_stored_with_catalog_prices_and_the_time_it_was_placed()
    {
        int userId = await RegisterUserAsync();

        int orderId = (await PlaceAsync(new PlaceOrder(userId, [new("gadget", 3), new("WIDGET", 2)], "FIVEOFF"))).Id;

        await using OrdersDbContext check = database.CreateContext();
        Order stored = await check.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == orderId);
        Assert.Equal(Instants.WednesdayMorning, stored.PlacedAt);
        Assert.Equal(userId, stored.UserId);
        Assert.Equal("FIVEOFF", stored.CouponCode);
        // 3 x 40.00 + 2 x 12.50 = 145.00; 5 items and a Wednesday: only the 5.00 coupon applies.
        Assert.Equal((145.00m, 5.00m, 140.00m), (stored.Subtotal, stored.Discount, stored.Total));
        Assert.Equal(
            [("GADGET", 3, 40.00m), ("WIDGET", 2, 12.50m)],
            stored.Lines.OrderBy(l => l.ProductCode).Select(l => (l.ProductCode, l.Quantity, l.UnitPrice)));
    }

    [Fact]
    public async Task Placing_an_order_enqueues_one_order_placed_message_for_it()
    {
        int userId = await RegisterUserAsync();

        Order order = await PlaceAsync(new PlaceOrder(userId, [new("CABLE", 1)], CouponCode: null));

        await using OrdersDbContext check = database.CreateContext();
        OutboxMessage message = Assert.Single(await check.Outbox.ToListAsync());
        Assert.Equal(order.Id, message.OrderId);
        Assert.Equal(OrderService.OrderPlacedMessageType, message.Type);
        Assert.Equal(Instants.WednesdayMorning, message.CreatedAt);
        Assert.Null(message.DispatchedAt);
    }

    [Fact]
    public async Task The_same_order_costs_less_once_the_clock_reaches_the_weekend()
    {
        int userId = await RegisterUserAsync();
        var twoGadgets = new PlaceOrder(userId, [new("GADGET", 2)], CouponCode: null);

        Order onWednesday = await PlaceAsync(twoGadgets);
        time.Advance(TimeSpan.FromDays(3)); // Saturday 7 March 2026, 10:00 UTC
        Order onSaturday = await PlaceAsync(twoGadgets);

        Assert.Equal(80.00m, onWednesday.Total);
        Assert.Equal(76.00m, onSaturday.Total); // 5 % weekend discount
        Assert.Equal(Instants.WednesdayMorning.AddDays(3), onSaturday.PlacedAt);
    }

    [Fact]
    public async Task Seasonal_coupon_works_on_its_last_day_and_is_refused_the_next()
    {
        int userId = await RegisterUserAsync();
        time.SetUtcNow(new DateTimeOffset(2026, 5, 31, 23, 59, 0, TimeSpan.Zero));
        var withSpringCoupon = new PlaceOrder(userId, [new("GADGET", 1)], "SPRING26");

        Order lastDay = await PlaceAsync(withSpringCoupon);
        time.Advance(TimeSpan.FromMinutes(1));
        OrderRejectedException refused = await Assert.ThrowsAsync<OrderRejectedException>(() => PlaceAsync(withSpringCoupon));

        // 31 May 2026 is a Sunday: 40.00 - 2.00 (5 % weekend) = 38.00, then 20 % off = 30.40
        Assert.Equal(30.40m, lastDay.Total);
        Assert.Contains("expired", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NOSUCHTHING", 1, null, "There is no product NOSUCHTHING.")]
    [InlineData("WIDGET", 0, null, "The quantity of WIDGET must be between 1 and 1000.")]
    [InlineData("WIDGET", 1001, null, "The quantity of WIDGET must be between 1 and 1000.")]
    [InlineData("WIDGET", 1, "FREEBIE", "There is no coupon FREEBIE.")]
    public async Task Rejected_orders_leave_nothing_behind(string productCode, int quantity, string? coupon, string expectedReason)
    {
        int userId = await RegisterUserAsync();

        OrderRejectedException rejected = await Assert.ThrowsAsync<OrderRejectedException>(
            () => PlaceAsync(new PlaceOrder(userId, [new(productCode, quantity)], coupon)));

        Assert.Equal(expectedReason, rejected.Message);
        await using OrdersDbContext check = database.CreateContext();
        Assert.Empty(await check.Orders.ToListAsync());
        Assert.Empty(await check.Outbox.ToListAsync());
    }

    [Fact]
    public async Task Order_for_an_unknown_user_is_rejected()
    {
        OrderRejectedException rejected = await Assert.ThrowsAsync<OrderRejectedException>(
            () => PlaceAsync(new PlaceOrder(UserId: 42, [new("WIDGET", 1)], CouponCode: null)));

        Assert.Equal("There is no user 42.", rejected.Message);
    }
}
