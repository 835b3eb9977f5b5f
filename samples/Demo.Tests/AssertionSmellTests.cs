using System;
using Xunit;

namespace Demo.Tests;

/// <summary>A price parser, the kind of code whose failures tests like to swallow.</summary>
public static class PriceParser
{
    public static decimal Parse(string text)
        => decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new FormatException($"'{text}' is not a price");
}

public class AssertionSmellTests
{
    [Fact]
    public void Order_is_queued_smelly() // TST3001: runs the code, checks nothing
    {
        var worker = new ShippingWorker();
        worker.Enqueue(3);
    }

    [Fact]
    public void Parses_a_price_placeholder_smelly()
    {
        var price = PriceParser.Parse("12.50");
        Assert.Equal(price, price); // TST3002: both sides are the same
    }

    [Fact]
    public void Rejects_a_negative_price_smelly()
    {
        try
        {
            PriceParser.Parse("-1");
            Assert.Fail("expected a FormatException");
        }
        catch (FormatException) // TST3006: the code fix turns this into Assert.Throws<FormatException>
        {
        }
    }

    [Fact]
    public void Rounds_a_price_smelly() // TST3004: empty
    {
        // TODO
    }

    [Fact]
    public void Rejects_a_negative_price_honest()
    {
        var ex = Assert.Throws<FormatException>(() => PriceParser.Parse("-1"));
        Assert.Contains("-1", ex.Message);
    }
}
