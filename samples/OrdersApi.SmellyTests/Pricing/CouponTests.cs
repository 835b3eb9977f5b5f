using OrdersApi.Pricing;
using OrdersApi.SmellyTests.TestSupport;

namespace OrdersApi.SmellyTests.Pricing;

[TestCaseOrderer(PriorityOrderer.TypeName, PriorityOrderer.AssemblyName)] // expect: TST4002
public class CouponTests
{
    private static Coupon? found; // expect: TST4001
    private static readonly List<string> LookedUp = []; // expect: TST4001

    [Fact]
    [TestPriority(1)]
    public void Codes_are_found_ignoring_case()
    {
        found = Coupons.Find("save10");
        LookedUp.Add("save10");

        Assert.NotNull(found);
    }

    [Fact]
    [TestPriority(2)]
    public void A_found_coupon_takes_ten_percent_off()
    {
        // Passes only after the test above ran, in the same process.
        Assert.Single(LookedUp);
        Assert.Equal(10m, found!.Percent);
    }

    [Fact]
    [Trait("RoadTest", "RunAfterFixes")]
    public void The_spring_coupon_is_valid()
    {
        Coupon spring = Coupons.Find("SPRING26")!;

        // Written in the spring of 2026; it has failed every day since the 31st of May.
        Assert.True(spring.IsValidAt(DateTimeOffset.UtcNow)); // expect: TST1003
    }
}
