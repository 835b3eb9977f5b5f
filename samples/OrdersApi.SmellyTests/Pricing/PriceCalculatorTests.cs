using FluentAssertions;
using OrdersApi.Pricing;

namespace OrdersApi.SmellyTests.Pricing;

public class PriceCalculatorTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Saturday = new(2026, 3, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public void Weekday_orders_get_no_weekend_discount()
    {
        // Passes from Monday to Friday and fails every weekend, whatever the code does.
        Assert.Equal(0.00m, PriceCalculator.Quote([new PricedLine("WIDGET", 2, 10.00m)], coupon: null, DateTimeOffset.UtcNow).WeekendDiscount); // expect: TST1003
    }

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public void Volume_discount_applies_from_ten_items()
    {
        int items = new Random().Next(10, 50); // expect: TST4003

        PriceQuote quote = PriceCalculator.Quote([new PricedLine("WIDGET", items, 10.00m)], coupon: null, Wednesday);

        Console.WriteLine($"{items} items cost {quote.Total}"); // expect: TST5002
        Assert.Equal(items * 9.50m, quote.Total);
    }

    [Fact]
    public void Discounts_add_up()
    {
        PriceQuote quote = PriceCalculator.Quote([new PricedLine("WIDGET", 50, 10.00m)], Coupons.Find("SAVE10"), Wednesday);

        quote.Discount.Should().Be(quote.Discount); // expect: TST3002
    }

    [Fact]
    public void Large_weekend_order_with_a_coupon_is_priced() // expect: TST3001
    {
        PriceCalculator.Quote([new PricedLine("WIDGET", 50, 10.00m)], Coupons.Find("SAVE10"), Saturday);
    }

    [Fact]
    public void Discounts_round_to_cents_half_away_from_zero() // expect: TST3004
    {
        // TODO: 5 % of 9.70 is 0.485, which must come out as 0.49
    }

    [Fact(Skip = "")] // expect: TST5001
    public void Fixed_coupon_never_makes_the_total_negative()
    {
        PriceQuote quote = PriceCalculator.Quote([new PricedLine("CABLE", 1, 3.00m)], Coupons.Find("FIVEOFF"), Wednesday);

        Assert.Equal(0.00m, quote.Total);
    }

    // Coupons do not stack yet: the pricing team decides the order of discounts in #58
    [Fact(Skip = "")] // expect: TST5003
    public void Fixed_coupon_applies_after_the_volume_discount()
    {
        PriceQuote quote = PriceCalculator.Quote([new PricedLine("CABLE", 20, 3.00m)], Coupons.Find("FIVEOFF"), Wednesday);

        Assert.True(quote.Total >= 0.00m);
    }
}
