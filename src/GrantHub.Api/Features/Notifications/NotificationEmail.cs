using System.Text;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Notifications;

namespace GrantHub.Api.Features.Notifications;

/// <summary>The plain-text e-mail for a notification: what happened, the link to it, and why the recipient gets it.</summary>
public static class NotificationEmail
{
    public const string NeutralSubject = "GrantHub: you have a new notification";

    public static OutgoingEmail Compose(Notification notification, Recipient recipient, EmailContext context)
    {
        var body = new StringBuilder()
            .AppendLine(notification.Body.TrimEnd());
        if (notification.Link is not null)
        {
            body.AppendLine().Append("Open in GrantHub: ").AppendLine(context.Url(notification.Link));
        }

        body.AppendLine()
            .AppendLine("-- ")
            .AppendLine("You receive this e-mail because you have a GrantHub account and this notification is addressed to you.")
            .Append("All your notifications, read and unread, are listed at ").Append(context.Url("/api/me/notifications")).AppendLine(".")
            .AppendLine("This message was sent automatically; replies are not read.");

        return new OutgoingEmail(
            $"notification-{notification.Id:N}@{context.SenderDomain}",
            recipient.Address,
            recipient.DisplayName,
            context.SafeSubject(notification.Subject),
            body.ToString());
    }

    public sealed record Recipient(string Address, string? DisplayName);

    /// <summary>What every e-mail of a batch shares: the public base URL, the sender's domain, and the names that must never appear in a subject.</summary>
    public sealed class EmailContext(string? publicBaseUrl, string senderAddress, IReadOnlyCollection<string> sensitiveOrganisationNames)
    {
        public string SenderDomain { get; } = senderAddress[(senderAddress.LastIndexOf('@') + 1)..];

        public string Url(string link) => publicBaseUrl is null
            ? link
            : new Uri(new Uri(publicBaseUrl.TrimEnd('/') + "/"), link.TrimStart('/')).ToString();

        public bool NamesSensitiveOrganisation(string subject) =>
            sensitiveOrganisationNames.Any(name => subject.Contains(name, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// Subject lines show on lock screens and in mail-server logs. Callers must never put a sensitive
        /// organisation's name there; should one slip through, the e-mail goes out with a neutral subject.
        /// </summary>
        public string SafeSubject(string subject) => NamesSensitiveOrganisation(subject) ? NeutralSubject : subject;
    }
}
