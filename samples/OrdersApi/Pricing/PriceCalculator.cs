namespace OrdersApi.Pricing;

/// <summary>One line of an order with the unit price it is sold at.</summary>
public sealed record PricedLine(string ProductCode, int Quantity, decimal UnitPrice)
{
    public decimal Amount => UnitPrice * Quantity;
}

/// <summary>How a total came about, discount by discount.</summary>
public sealed record PriceQuote(
    decimal Subtotal, decimal VolumeDiscount, decimal WeekendDiscount, decimal CouponDiscount, decimal Total)
{
    public decimal Discount => VolumeDiscount + WeekendDiscount + CouponDiscount;
}

/// <summary>
/// The pricing rules, as a pure function: the same lines, coupon and instant always give the same
/// quote. No clock is read here; the caller passes the instant the order is placed at.
/// </summary>
public static class PriceCalculator
{
    /// <summary>Orders of this many items or more get <see cref="SmallVolumePercent"/> off.</summary>
    public const int SmallVolumeItems = 10;
    public const decimal SmallVolumePercent = 5m;

    /// <summary>Orders of this many items or more get <see cref="LargeVolumePercent"/> off instead.</summary>
    public const int LargeVolumeItems = 50;
    public const decimal LargeVolumePercent = 10m;

    /// <summary>Orders placed on a Saturday or a Sunday (UTC) get this much off the subtotal.</summary>
    public const decimal WeekendPercent = 5m;

    public static PriceQuote Quote(IReadOnlyCollection<PricedLine> lines, Coupon? coupon, DateTimeOffset placedAt)
    {
        decimal subtotal = lines.Sum(l => l.Amount);
        int items = lines.Sum(l => l.Quantity);

        decimal volume = Money.Round(subtotal * VolumePercent(items) / 100m);
        decimal weekend = IsWeekend(placedAt) ? Money.Round(subtotal * WeekendPercent / 100m) : 0m;

        // The coupon applies to what is left after the automatic discounts, so it never stacks to more
        // than the customer pays.
        decimal afterAutomatic = subtotal - volume - weekend;
        decimal fromCoupon = coupon?.DiscountOn(afterAutomatic) ?? 0m;

        return new PriceQuote(subtotal, volume, weekend, fromCoupon, afterAutomatic - fromCoupon);
    }

    private static decimal VolumePercent(int items) => items switch
    {
        >= LargeVolumeItems => LargeVolumePercent,
        >= SmallVolumeItems => SmallVolumePercent,
        _ => 0m,
    };

    private static bool IsWeekend(DateTimeOffset at) =>
        at.UtcDateTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
