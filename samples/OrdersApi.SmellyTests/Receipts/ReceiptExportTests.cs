using System.Net;
using System.Net.Sockets;
using OrdersApi.Pricing;

namespace OrdersApi.SmellyTests.Receipts;

/// <summary>Receipts printed, saved and sent: the environment's share of the flakes (ports, files, culture).</summary>
public class ReceiptExportTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Receipt_total_is_printed_with_two_decimals()
    {
        PriceQuote quote = PriceCalculator.Quote([new PricedLine("WIDGET", 2, 10.25m)], coupon: null, Wednesday);

        // "20.50" on an en-US agent, "20,50" on a de-DE laptop.
        Assert.Equal("20.50", quote.Total.ToString("F2")); // expect: TST4007
    }

    [Fact]
    public void Receipt_is_saved_for_the_printer()
    {
        PriceQuote quote = PriceCalculator.Quote([new PricedLine("WIDGET", 1, 10.00m)], coupon: null, Wednesday);
        string path = Path.Combine(Path.GetTempPath(), "receipt.txt");

        // Every test, every target framework and every build on the agent share this one file.
        File.WriteAllText(path, quote.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)); // expect: TST4006

        Assert.Equal("10.00", File.ReadAllText(path));
    }

    [Fact]
    public void Receipt_printer_accepts_connections()
    {
        // Fails with "address already in use" whenever two runs overlap.
        var printer = new TcpListener(IPAddress.Loopback, 9100); // expect: TST4005
        printer.Start();
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, ((IPEndPoint)printer.LocalEndpoint).Port);
            Assert.True(client.Connected);
        }
        finally
        {
            printer.Stop();
        }
    }
}
