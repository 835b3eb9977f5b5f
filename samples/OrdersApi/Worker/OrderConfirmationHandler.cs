using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrdersApi.Data;
using OrdersApi.Email;

namespace OrdersApi.Worker;

/// <summary>The "an order was placed" message, as the queue delivers it (possibly more than once).</summary>
public sealed record OrderPlaced(Guid MessageId, int OrderId);

/// <summary>
/// Sends the confirmation email for a placed order, exactly once per message even when the message is
/// delivered again: the message id is recorded in the database in the same transaction, and a message
/// already recorded is skipped.
/// </summary>
public sealed class OrderConfirmationHandler(OrdersDbContext db, IEmailSender email, TimeProvider time)
{
    /// <summary>Handles one delivery; true when this delivery sent the email, false for a duplicate.</summary>
    public async Task<bool> HandleAsync(OrderPlaced message, CancellationToken cancellationToken)
    {
        if (await db.ProcessedMessages.AnyAsync(p => p.MessageId == message.MessageId, cancellationToken))
            return false;

        Order order = await db.Orders.AsNoTracking()
            .Include(o => o.User)
            .SingleAsync(o => o.Id == message.OrderId, cancellationToken);

        // Record first, send second, commit last: if sending fails the record is rolled back and a
        // redelivery tries again; if another delivery recorded the message meanwhile, the primary key
        // stops this one before it sends anything.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var processed = new ProcessedMessage { MessageId = message.MessageId, ProcessedAt = time.GetUtcNow() };
        db.ProcessedMessages.Add(processed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.Entry(processed).State = EntityState.Detached;
            return false;
        }

        try
        {
            await email.SendAsync(Confirmation(order), cancellationToken);
        }
        catch
        {
            db.Entry(processed).State = EntityState.Detached;
            throw;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static EmailMessage Confirmation(Order order) => new(
        To: order.User!.Email,
        Subject: $"Your order #{order.Id} is confirmed",
        Body: string.Create(CultureInfo.InvariantCulture,
            $"Hello {order.User.Name}, thank you for your order #{order.Id}. Total: {order.Total:0.00}."));
}
