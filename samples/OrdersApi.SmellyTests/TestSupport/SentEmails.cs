using System.Collections.Concurrent;
using OrdersApi.Email;

namespace OrdersApi.SmellyTests.TestSupport;

/// <summary>An email sender that keeps what it is asked to send (the worker sends from its own thread).</summary>
public sealed class SentEmails : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> sent = new();

    public IReadOnlyList<EmailMessage> Sent => sent.ToArray();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
