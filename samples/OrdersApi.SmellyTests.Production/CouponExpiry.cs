namespace OrdersApi.SmellyTests.Production;

/// <summary>
/// Whether a seasonal coupon may still be used. It asks the machine's clock what day it is, so a test
/// of the last valid day can only pass on that day.
/// </summary>
public sealed class CouponExpiry
{
    private readonly Dictionary<string, DateOnly> lastValidDays;

    public CouponExpiry(IEnumerable<KeyValuePair<string, DateOnly>> lastValidDays)
    {
        this.lastValidDays = new Dictionary<string, DateOnly>(lastValidDays, StringComparer.OrdinalIgnoreCase);
    }

    public bool IsValidToday(string code) =>
        !lastValidDays.TryGetValue(code, out DateOnly last)
        || DateOnly.FromDateTime(DateTime.UtcNow) <= last; // expect: TST1004
}
