using OrdersApi.Email;

namespace OrdersApi.Tests.TestSupport;

/// <summary>
/// A hand-written fake of the email boundary: it keeps every email it is asked to send, so a test
/// asserts on what was sent (to whom, what it said, how many), not on how the sender was called.
/// </summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly object gate = new();
    private readonly List<EmailMessage> sent = [];
    private readonly TaskCompletionSource<EmailMessage> firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? nextFailure;

    /// <summary>What has been sent so far, in order.</summary>
    public IReadOnlyList<EmailMessage> Sent
    {
        get { lock (gate) return sent.ToArray(); }
    }

    /// <summary>Completes when the first email is sent: something to await instead of sleeping.</summary>
    public Task<EmailMessage> FirstSent => firstSent.Task;

    /// <summary>Makes the next send fail with <paramref name="failure"/>, as a provider outage would.</summary>
    public void FailNextSendWith(Exception failure)
    {
        lock (gate) nextFailure = failure;
    }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (nextFailure is { } failure)
            {
                nextFailure = null;
                return Task.FromException(failure);
            }
            sent.Add(message);
        }
        firstSent.TrySetResult(message);
        return Task.CompletedTask;
    }
}
