namespace OrdersApi.Pricing;

/// <summary>Money is a decimal amount in the shop's single currency, kept to whole cents.</summary>
public static class Money
{
    /// <summary>Rounds to cents, halves away from zero (what a customer expects on a receipt).</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
