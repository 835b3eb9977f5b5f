namespace OrdersApi.Pricing;

/// <summary>
/// A discount code. It takes either a percentage or a fixed amount off what is left after the
/// automatic discounts, and may stop being valid after a given day (UTC, inclusive).
/// </summary>
public sealed record Coupon(string Code, decimal Percent, decimal Amount, DateOnly? LastValidDay = null)
{
    /// <summary>Whether the coupon may be used for an order placed at <paramref name="at"/>.</summary>
    public bool IsValidAt(DateTimeOffset at) =>
        LastValidDay is not { } last || DateOnly.FromDateTime(at.UtcDateTime) <= last;

    /// <summary>The discount on <paramref name="amount"/>, never more than the amount itself.</summary>
    public decimal DiscountOn(decimal amount) =>
        Math.Min(Money.Round(amount * Percent / 100m) + Amount, amount);
}

/// <summary>The coupons the shop currently honours.</summary>
public static class Coupons
{
    private static readonly Coupon[] All =
    [
        new("SAVE10", Percent: 10m, Amount: 0m),
        new("FIVEOFF", Percent: 0m, Amount: 5.00m),
        new("SPRING26", Percent: 20m, Amount: 0m, LastValidDay: new DateOnly(2026, 5, 31)),
    ];

    /// <summary>The coupon with this code (case-insensitive), or null when there is none.</summary>
    public static Coupon? Find(string code) =>
        Array.Find(All, c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}
