using OrdersApi.Pricing;

namespace OrdersApi.Tests.Pricing;

/// <summary>
/// The pricing rules as a pure function: no database, no clock, no host. The instant an order is
/// placed at is an input, so the weekend rule is tested with plain dates.
/// </summary>
public sealed class PriceCalculatorTests
{
    private static readonly DateTimeOffset Weekday = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero); // a Wednesday
    private static readonly DateTimeOffset Saturday = new(2026, 3, 7, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, decimal> VolumeCases => new()
    {
        // items (at 10.00 each), expected volume discount
        { 1, 0.00m },
        { 9, 0.00m },
        { 10, 5.00m },   // 5 % of 100.00 from 10 items
        { 49, 24.50m },  // 5 % of 490.00
        { 50, 50.00m },  // 10 % of 500.00 from 50 items
        { 120, 120.00m },
    };

    [Theory]
    [MemberData(nameof(VolumeCases))]
    public void Volume_discount_depends_on_the_number_of_items(int items, decimal expectedDiscount)
    {
        PriceQuote quote = PriceCalculator.Quote([new PricedLine("WIDGET", items, 10.00m)], coupon: null, Weekday);

        Assert.Equal(expectedDiscount, quote.VolumeDiscount);
        Assert.Equal(items * 10.00m - expectedDiscount, quote.Total);
    }

    [Fact]
    public void Volume_counts_items_across_lines()
    {
        PricedLine[] lines = [new("WIDGET", 6, 10.00m), new("CABLE", 4, 5.00m)]; // 10 items, 80.00

        PriceQuote quote = PriceCalculator.Quote(lines, coupon: null, Weekday);

        Assert.Equal(80.00m, quote.Subtotal);
        Assert.Equal(4.00m, quote.VolumeDiscount);
    }

    public static TheoryData<DateTimeOffset, decimal> WeekendCases => new()
    {
        // placed at, expected weekend discount on a 100.00 subtotal
        { new DateTimeOffset(2026, 3, 6, 23, 59, 59, TimeSpan.Zero), 0.00m },        // Friday, last second
        { new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.Zero), 5.00m },           // Saturday, first second
        { new DateTimeOffset(2026, 3, 8, 23, 59, 59, TimeSpan.Zero), 5.00m },        // Sunday, last second
        { new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), 0.00m },           // Monday
        { new DateTimeOffset(2026, 3, 7, 1, 0, 0, TimeSpan.FromHours(2)), 0.00m },   // Saturday locally, Friday in UTC
        { new DateTimeOffset(2026, 3, 6, 22, 0, 0, TimeSpan.FromHours(-3)), 5.00m }, // Friday locally, Saturday in UTC
    };

    [Theory]
    [MemberData(nameof(WeekendCases))]
    public void Weekend_discount_follows_the_UTC_calendar(DateTimeOffset placedAt, decimal expectedDiscount)
    {
        PriceQuote quote = PriceCalculator.Quote([new PricedLine("GADGET", 2, 50.00m)], coupon: null, placedAt);

        Assert.Equal(expectedDiscount, quote.WeekendDiscount);
    }

    public static TheoryData<string?, decimal, decimal> CouponCases => new()
    {
        // coupon, expected coupon discount, expected total, on 10 x 10.00 (5.00 volume discount first)
        { null, 0.00m, 95.00m },
        { "SAVE10", 9.50m, 85.50m },  // 10 % of the 95.00 left after the volume discount
        { "FIVEOFF", 5.00m, 90.00m },
    };

    [Theory]
    [MemberData(nameof(CouponCases))]
    public void Coupon_applies_to_what_is_left_after_the_automatic_discounts(
        string? couponCode, decimal expectedCouponDiscount, decimal expectedTotal)
    {
        Coupon? coupon = couponCode is null ? null : Coupons.Find(couponCode);

        PriceQuote quote = PriceCalculator.Quote([new PricedLine("WIDGET", 10, 10.00m)], coupon, Weekday);

        Assert.Equal(expectedCouponDiscount, quote.CouponDiscount);
        Assert.Equal(expectedTotal, quote.Total);
    }

    [Fact]
    public void Fixed_coupon_never_makes_the_total_negative()
    {
        PriceQuote quote = PriceCalculator.Quote([new PricedLine("CABLE", 1, 3.00m)], Coupons.Find("FIVEOFF"), Weekday);

        Assert.Equal(3.00m, quote.CouponDiscount);
        Assert.Equal(0.00m, quote.Total);
    }

    [Fact]
    public void All_discounts_stack_on_a_large_weekend_order_with_a_coupon()
    {
        PriceQuote quote = PriceCalculator.Quote([new PricedLine("WIDGET", 50, 10.00m)], Coupons.Find("SAVE10"), Saturday);

        // 500.00 - 50.00 (10 % volume) - 25.00 (5 % weekend) = 425.00, then 10 % coupon = 42.50
        Assert.Equal(new PriceQuote(500.00m, 50.00m, 25.00m, 42.50m, 382.50m), quote);
        Assert.Equal(117.50m, quote.Discount);
    }

    [Fact]
    public void Discounts_round_to_cents_half_away_from_zero()
    {
        // 5 % of 9.70 is 0.485: half away from zero gives 0.49 (banker's rounding would give 0.48).
        PriceQuote quote = PriceCalculator.Quote([new PricedLine("CABLE", 10, 0.97m)], coupon: null, Weekday);

        Assert.Equal(0.49m, quote.VolumeDiscount);
        Assert.Equal(9.21m, quote.Total);
    }
}
