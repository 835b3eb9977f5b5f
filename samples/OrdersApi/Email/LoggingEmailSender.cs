namespace OrdersApi.Email;

/// <summary>
/// Stands in for a real provider (SMTP, an HTTP email API) in this sample: it writes each email to the
/// log. Swapping the provider means registering another <see cref="IEmailSender"/>.
/// </summary>
public sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        LogEmail(logger, message.To, message.Subject);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email to {To}: {Subject}")]
    private static partial void LogEmail(ILogger logger, string to, string subject);
}
