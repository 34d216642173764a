using System.Net;
using System.Net.Mail;
using Athar.Data.Messaging;
using Microsoft.Extensions.Options;

namespace Athar.Web.Infrastructure.Messaging;

/// <summary>Delivers one message on one channel; throws to have the dispatcher retry later.</summary>
public interface IMessageSender
{
    MessageChannel Channel { get; }

    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps the message in the database only; platform admins read it on /admin/outbox. The default
/// in development, and for SMS until a gateway sender is configured.
/// </summary>
public sealed class StoredMessageSender(MessageChannel channel) : IMessageSender
{
    public MessageChannel Channel { get; } = channel;

    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "no-reply@athar.local";
}

public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IMessageSender
{
    public MessageChannel Channel => MessageChannel.Email;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl };
        if (!string.IsNullOrEmpty(o.UserName))
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        using var mail = new MailMessage(o.From, message.Recipient, message.Subject, message.Body);
        mail.BodyEncoding = System.Text.Encoding.UTF8;
        mail.SubjectEncoding = System.Text.Encoding.UTF8;
        await client.SendMailAsync(mail, cancellationToken);
    }
}

public static class MessagingSetup
{
    public static IServiceCollection AddAtharMessaging(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration("Athar:Messaging:Outbox");
        services.AddSingleton<IMessageSender>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SmtpOptions>>().Value.Host)
                ? new StoredMessageSender(MessageChannel.Email)
                : new SmtpEmailSender(sp.GetRequiredService<IOptions<SmtpOptions>>()));
        services.AddSingleton<IMessageSender>(new StoredMessageSender(MessageChannel.Sms));
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
