using System.Globalization;

namespace OrdersApi.SmellyTests.Production;

/// <summary>
/// A clock read the TST1004 fix cannot move (a static member): `dotnet format analyzers` leaves it and
/// fixes the rule's other findings in the same pass (the road test checks both).
/// </summary>
public static class ReceiptNumbers
{
    /// <summary>"R-20260304-42": the day the receipt is printed, then the order number.</summary>
    public static string For(int orderId) =>
        string.Create(CultureInfo.InvariantCulture, $"R-{DateTime.UtcNow:yyyyMMdd}-{orderId}"); // expect: TST1004 (no fix: a static member has no instance to hold a TimeProvider)
}
