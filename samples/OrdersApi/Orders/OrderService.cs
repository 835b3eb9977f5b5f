using Microsoft.EntityFrameworkCore;
using OrdersApi.Data;
using OrdersApi.Pricing;

namespace OrdersApi.Orders;

public sealed record OrderLineRequest(string ProductCode, int Quantity);

public sealed record PlaceOrder(int UserId, IReadOnlyList<OrderLineRequest> Lines, string? CouponCode);

/// <summary>The order cannot be placed as asked; the message says why.</summary>
public sealed class OrderRejectedException(string message) : Exception(message);

public sealed class OrderService(OrdersDbContext db, TimeProvider time)
{
    public const string OrderPlacedMessageType = "OrderPlaced";
    public const int MaxQuantityPerLine = 1000;

    /// <summary>
    /// Prices and stores an order, and in the same save enqueues the message that makes the worker
    /// send the confirmation email.
    /// </summary>
    public async Task<Order> PlaceAsync(PlaceOrder request, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();

        if (request.Lines.Count == 0)
            throw new OrderRejectedException("An order needs at least one line.");
        if (request.Lines.Any(l => string.IsNullOrWhiteSpace(l.ProductCode)))
            throw new OrderRejectedException("Every line needs a product code.");
        if (request.Lines.FirstOrDefault(l => l.Quantity is < 1 or > MaxQuantityPerLine) is { } badLine)
            throw new OrderRejectedException(
                $"The quantity of {badLine.ProductCode} must be between 1 and {MaxQuantityPerLine}.");

        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, cancellationToken))
            throw new OrderRejectedException($"There is no user {request.UserId}.");

        Coupon? coupon = null;
        if (!string.IsNullOrWhiteSpace(request.CouponCode))
        {
            coupon = Coupons.Find(request.CouponCode)
                ?? throw new OrderRejectedException($"There is no coupon {request.CouponCode}.");
            if (!coupon.IsValidAt(now))
                throw new OrderRejectedException($"The coupon {coupon.Code} has expired.");
        }

        string[] codes = request.Lines.Select(l => NormalizeCode(l.ProductCode)).Distinct().ToArray();
        Dictionary<string, decimal> prices = await db.Products
            .Where(p => codes.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => p.UnitPrice, cancellationToken);
        if (codes.FirstOrDefault(c => !prices.ContainsKey(c)) is { } unknown)
            throw new OrderRejectedException($"There is no product {unknown}.");

        PricedLine[] lines = request.Lines
            .Select(l => new PricedLine(NormalizeCode(l.ProductCode), l.Quantity, prices[NormalizeCode(l.ProductCode)]))
            .ToArray();
        PriceQuote quote = PriceCalculator.Quote(lines, coupon, now);

        var order = new Order
        {
            UserId = request.UserId,
            PlacedAt = now,
            CouponCode = coupon?.Code,
            Subtotal = quote.Subtotal,
            Discount = quote.Discount,
            Total = quote.Total,
            Lines = lines.Select(l => new OrderLine
            {
                ProductCode = l.ProductCode,
                Quantity = l.Quantity,
                UnitPrice = l.UnitPrice,
            }).ToList(),
        };
        db.Orders.Add(order);
        db.Outbox.Add(new OutboxMessage
        {
            MessageId = Guid.NewGuid(),
            Type = OrderPlacedMessageType,
            Order = order,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return order;
    }

    private static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    public Task<Order?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().Include(o => o.Lines.OrderBy(l => l.Id)).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    public async Task<List<Order>> ForUserAsync(int userId, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking().Include(o => o.Lines.OrderBy(l => l.Id))
            .Where(o => o.UserId == userId)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
}
