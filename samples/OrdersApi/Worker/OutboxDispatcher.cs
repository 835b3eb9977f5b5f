using Microsoft.EntityFrameworkCore;
using OrdersApi.Data;
using OrdersApi.Orders;

namespace OrdersApi.Worker;

/// <summary>
/// Hands the messages waiting in the outbox to their handler and marks them dispatched. A crash
/// between the two steps delivers the message again on the next pass (at-least-once), which is why the
/// handler deduplicates.
/// </summary>
public sealed class OutboxDispatcher(OrdersDbContext db, OrderConfirmationHandler handler, TimeProvider time)
{
    public const int BatchSize = 50;

    /// <summary>Dispatches what is waiting; returns how many messages were handed to the handler.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        List<OutboxMessage> pending = await db.Outbox
            .Where(m => m.DispatchedAt == null && m.Type == OrderService.OrderPlacedMessageType)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (OutboxMessage message in pending)
        {
            await handler.HandleAsync(new OrderPlaced(message.MessageId, message.OrderId), cancellationToken);
            message.DispatchedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return pending.Count;
    }
}
