namespace OrdersApi.SmellyTests.Production;

/// <summary>
/// The first version of the outbox worker's loop. It is given a <see cref="TimeProvider"/>, then waits
/// and stamps with the real clock anyway, so a test that advances a fake clock sees nothing happen.
/// </summary>
public sealed class OutboxPoller(TimeProvider time, Func<CancellationToken, Task<int>> dispatchPending)
{
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public DateTimeOffset? LastPassAt { get; private set; }

    public async Task RunAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await dispatchPending(stoppingToken);
            LastPassAt = DateTimeOffset.UtcNow; // expect: TST1004
            await Task.Delay(interval, stoppingToken); // expect: TST1005
        }
    }

    /// <summary>One last pass when the host stops, given at most <paramref name="timeout"/>.</summary>
    public async Task<int> DrainAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout); // expect: TST1005
        return await dispatchPending(deadline.Token);
    }
}
