using System.Globalization;

namespace OrdersApi.SmellyTests.Production;

/// <summary>
/// A clock read the TST1004 fix cannot move (a static member), in a file of its own: `dotnet format
/// analyzers` gives up on a rule when the first finding it picks has no fix, so the road test keeps
/// this file out of its format run.
/// </summary>
public static class ReceiptNumbers
{
    /// <summary>"R-20260304-42": the day the receipt is printed, then the order number.</summary>
    public static string For(int orderId) =>
        string.Create(CultureInfo.InvariantCulture, $"R-{DateTime.UtcNow:yyyyMMdd}-{orderId}"); // expect: TST1004 (no fix: a static member has no instance to hold a TimeProvider)
}
