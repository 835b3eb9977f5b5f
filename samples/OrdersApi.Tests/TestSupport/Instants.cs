namespace OrdersApi.Tests.TestSupport;

/// <summary>Fixed points in time the tests start their FakeTimeProvider at (never the real clock).</summary>
public static class Instants
{
    /// <summary>Wednesday 4 March 2026, 10:00 UTC: a weekday, so no weekend discount.</summary>
    public static readonly DateTimeOffset WednesdayMorning = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
}
