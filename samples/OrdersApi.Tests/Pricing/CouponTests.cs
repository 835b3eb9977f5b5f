using OrdersApi.Pricing;

namespace OrdersApi.Tests.Pricing;

public sealed class CouponTests
{
    [Theory]
    [InlineData("SAVE10", "SAVE10")]
    [InlineData("save10", "SAVE10")]
    [InlineData("  FiveOff ", "FIVEOFF")]
    public void Codes_are_found_ignoring_case_and_surrounding_spaces(string typed, string expectedCode)
    {
        Coupon? coupon = Coupons.Find(typed);

        Assert.NotNull(coupon);
        Assert.Equal(expectedCode, coupon.Code);
    }

    [Theory]
    [InlineData("FREEBIE")]
    [InlineData("SAVE 10")]
    [InlineData("")]
    public void Unknown_codes_find_no_coupon(string typed)
    {
        Assert.Null(Coupons.Find(typed));
    }

    public static TheoryData<DateTimeOffset, bool> SeasonalValidity => new()
    {
        // SPRING26 is valid through 31 May 2026 (UTC)
        { new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), true },
        { new DateTimeOffset(2026, 5, 31, 23, 59, 59, TimeSpan.Zero), true },
        { new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), false },
        { new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.FromHours(2)), true },  // still 31 May in UTC
        { new DateTimeOffset(2026, 5, 31, 22, 0, 0, TimeSpan.FromHours(-3)), false }, // already 1 June in UTC
    };

    [Theory]
    [MemberData(nameof(SeasonalValidity))]
    public void Seasonal_coupon_is_valid_through_its_last_day_in_UTC(DateTimeOffset at, bool expectedValid)
    {
        Coupon spring = Coupons.Find("SPRING26")!;

        Assert.Equal(expectedValid, spring.IsValidAt(at));
    }

    [Fact]
    public void Coupons_without_a_last_day_never_expire()
    {
        Coupon save10 = Coupons.Find("SAVE10")!;

        Assert.True(save10.IsValidAt(new DateTimeOffset(2099, 12, 31, 23, 59, 59, TimeSpan.Zero)));
    }
}
