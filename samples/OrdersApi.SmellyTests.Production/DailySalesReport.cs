using System.Globalization;

namespace OrdersApi.SmellyTests.Production;

/// <summary>The heading of the daily sales report (a positional record).</summary>
public sealed record DailySalesReport(string ShopName)
{
    public string Title => string.Create(CultureInfo.InvariantCulture, $"{ShopName}: sales of {DateTime.Today:yyyy-MM-dd}"); // expect: TST1004
}
