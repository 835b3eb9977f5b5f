using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Demo.Tests;

/// <summary>A background worker that ships orders, the kind of code tests are tempted to sleep on.</summary>
public sealed class ShippingWorker
{
    private readonly ConcurrentDictionary<int, bool> _shipped = new();

    public void Enqueue(int orderId) => ThreadPool.QueueUserWorkItem(_ => _shipped[orderId] = true);

    public bool IsShipped(int orderId) => _shipped.ContainsKey(orderId);
}

public class OrderProcessingTests
{
    [Fact]
    public void Order_is_shipped_eventually_smelly()
    {
        var worker = new ShippingWorker();
        worker.Enqueue(42);

        Thread.Sleep(500); // TST1001: a guess at how long the worker needs

        Assert.True(worker.IsShipped(42));
    }

    [Fact]
    public async Task Order_is_shipped_eventually_async_smelly()
    {
        var worker = new ShippingWorker();
        worker.Enqueue(7);

        await Task.Delay(TimeSpan.FromMilliseconds(500)); // TST1002: the same guess, asynchronously

        Assert.True(worker.IsShipped(7));
    }

    [Fact]
    public void Order_is_shipped_eventually_honest()
    {
        var worker = new ShippingWorker();
        worker.Enqueue(1);

        // Waits exactly as long as needed, and fails with a clear timeout when it never happens.
        var shipped = SpinWait.SpinUntil(() => worker.IsShipped(1), TimeSpan.FromSeconds(5));

        Assert.True(shipped);
    }
}
