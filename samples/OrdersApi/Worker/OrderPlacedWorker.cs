using Microsoft.Extensions.Options;

namespace OrdersApi.Worker;

public sealed class OrderWorkerOptions
{
    public const string Section = "OrderWorker";

    /// <summary>How often the outbox is polled.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Polls the outbox on a timer of the injected <see cref="TimeProvider"/> and dispatches what waits
/// there, each pass in its own DI scope (its own DbContext).
/// </summary>
public sealed partial class OrderPlacedWorker(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<OrderWorkerOptions> options,
    ILogger<OrderPlacedWorker> logger) : BackgroundService
{
    private PeriodicTimer? timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The timer starts counting when the host starts, not whenever ExecuteAsync gets a thread.
        timer = new PeriodicTimer(options.Value.PollInterval, time);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        PeriodicTimer ticks = timer ?? throw new InvalidOperationException("The worker was not started.");
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using AsyncServiceScope scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogPassFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    public override void Dispose()
    {
        timer?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching the outbox failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
