namespace OrdersApi.Email;

public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>
/// The boundary to the email provider: a third-party service the shop does not own, so tests replace
/// it (with a recording fake) while everything on this side of it stays real.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
