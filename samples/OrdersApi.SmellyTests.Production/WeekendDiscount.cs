namespace OrdersApi.SmellyTests.Production;

/// <summary>The weekend discount, decided by the day the server thinks it is (a primary constructor).</summary>
public sealed class WeekendDiscount(decimal percent)
{
    public decimal On(decimal subtotal) =>
        DateTimeOffset.UtcNow.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday // expect: TST1004
            ? Math.Round(subtotal * percent / 100m, 2, MidpointRounding.AwayFromZero)
            : 0m;
}
