using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using OrdersApi.Data;
using OrdersApi.Orders;
using OrdersApi.SmellyTests.TestSupport;

namespace OrdersApi.SmellyTests.Orders;

public sealed class OrderPlacementTests : IDisposable
{
    private readonly SqliteDatabase database = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero)); // a Wednesday

    public void Dispose() => database.Dispose();

    private static async Task<int> AddUserAsync(OrdersDbContext db)
    {
        var user = new User { Email = "ada@example.com", Name = "Ada" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public async Task Ten_widgets_on_a_weekday_cost_the_volume_price()
    {
        await using OrdersDbContext db = database.CreateContext();
        int userId = await AddUserAsync(db);
        var orders = new OrderService(db, TimeProvider.System); // expect: TST1003

        Order order = await orders.PlaceAsync(new PlaceOrder(userId, [new("WIDGET", 10)], CouponCode: null), CancellationToken.None);

        // 10 x 12.50 = 125.00 less 5 % for volume; on a Saturday or a Sunday another 5 % comes off.
        Assert.Equal(118.75m, order.Total);
    }

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public async Task A_line_without_items_is_rejected()
    {
        await using OrdersDbContext db = database.CreateContext();
        int userId = await AddUserAsync(db);
        var orders = new OrderService(db, time);

        try
        {
            await orders.PlaceAsync(new PlaceOrder(userId, [new("WIDGET", 0)], CouponCode: null), CancellationToken.None);
            Assert.Fail("an order line without items must be rejected");
        }
        catch (OrderRejectedException) // expect: TST3006
        {
        }
    }

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public void An_order_without_lines_is_rejected()
    {
        using OrdersDbContext db = database.CreateContext();
        var orders = new OrderService(db, time);
        Func<Task> place = () => orders.PlaceAsync(new PlaceOrder(1, [], CouponCode: null), CancellationToken.None);

        // Not awaited: the test ends before the assertion has looked at the task, so it passes either way.
        place.Should().ThrowAsync<OrderRejectedException>(); // expect: TST3005
    }

    [Fact]
    public async Task Orders_are_placed_in_the_configured_region()
    {
        // Set for the whole test process and never set back: every later test sees this region.
        Environment.SetEnvironmentVariable("ORDERS_REGION", "eu"); // expect: TST4004
        await using OrdersDbContext db = database.CreateContext();
        int userId = await AddUserAsync(db);

        Order order = await new OrderService(db, time).PlaceAsync(new PlaceOrder(userId, [new("WIDGET", 1)], CouponCode: null), CancellationToken.None);

        Assert.Equal(12.50m, order.Total);
    }
}
