using System.Globalization;
using System.Text;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Notifications;

namespace GrantHub.Api.Features.Notifications;

/// <summary>
/// The plain-text e-mail for a notification, in the recipient's language: what happened, the link to its page, and why
/// the recipient gets it.
/// </summary>
public static class NotificationEmail
{
    /// <summary>The web page that lists a person's notifications.</summary>
    public const string NotificationsPage = "/home";

    public static OutgoingEmail Compose(Notification notification, Recipient recipient, EmailContext context)
    {
        var language = recipient.Language;
        if (context.ConcernsHiddenOrganisation(notification))
        {
            return new OutgoingEmail(
                $"notification-{notification.Id:N}@{context.SenderDomain}",
                recipient.Address,
                recipient.DisplayName,
                NotificationTexts.Render("Email.NeutralSubject", language),
                context.Url(notification.Link ?? NotificationsPage) + Environment.NewLine);
        }

        var body = new StringBuilder()
            .AppendLine(notification.Body.TrimEnd());
        if (notification.Link is not null)
        {
            body.AppendLine().AppendLine(NotificationTexts.Render("Email.Open", language, context.Url(notification.Link)));
        }

        body.AppendLine()
            .AppendLine("-- ")
            .AppendLine(NotificationTexts.Render("Email.Why", language))
            .AppendLine(NotificationTexts.Render("Email.List", language, context.Url(NotificationsPage)))
            .AppendLine(NotificationTexts.Render("Email.NoReply", language));

        return new OutgoingEmail(
            $"notification-{notification.Id:N}@{context.SenderDomain}",
            recipient.Address,
            recipient.DisplayName,
            context.SafeSubject(notification.Subject, language),
            body.ToString());
    }

    public sealed record Recipient(string Address, string? DisplayName, CultureInfo Language);

    /// <summary>
    /// What identifies the organisations hidden by the panic switch: the pages of their profiles, applications, grants and
    /// emergency requests, their names, registration numbers and aliases, and their members (who may be watched).
    /// </summary>
    public sealed record HiddenOrganisations(IReadOnlyCollection<string> Pages, IReadOnlyCollection<string> Texts, IReadOnlySet<Guid> Members)
    {
        public static readonly HiddenOrganisations None = new([], [], new HashSet<Guid>());
    }

    /// <summary>
    /// What every e-mail of a batch shares: the public base URL, the sender's domain, the names that must never appear in a
    /// subject, and the hidden organisations, about which an e-mail carries nothing but a link.
    /// </summary>
    public sealed class EmailContext(
        string? publicBaseUrl, string senderAddress, IReadOnlyCollection<string> sensitiveOrganisationNames, HiddenOrganisations? hidden = null)
    {
        private readonly HiddenOrganisations _hidden = hidden ?? HiddenOrganisations.None;

        public string SenderDomain { get; } = senderAddress[(senderAddress.LastIndexOf('@') + 1)..];

        public string Url(string link) => publicBaseUrl is null
            ? link
            : new Uri(new Uri(publicBaseUrl.TrimEnd('/') + "/"), link.TrimStart('/')).ToString();

        public bool ConcernsHiddenOrganisation(Notification notification) =>
            _hidden.Members.Contains(notification.RecipientUserId)
            || (notification.Link is { } link && _hidden.Pages.Any(page => link == page || link.StartsWith(page + "/", StringComparison.OrdinalIgnoreCase)))
            || _hidden.Texts.Any(text =>
                notification.Subject.Contains(text, StringComparison.OrdinalIgnoreCase) || notification.Body.Contains(text, StringComparison.OrdinalIgnoreCase));

        public bool NamesSensitiveOrganisation(string subject) =>
            sensitiveOrganisationNames.Any(name => subject.Contains(name, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// Subject lines show on lock screens and in mail-server logs. Callers must never put a sensitive
        /// organisation's name there; should one slip through, the e-mail goes out with a neutral subject.
        /// </summary>
        public string SafeSubject(string subject, CultureInfo language) =>
            NamesSensitiveOrganisation(subject) ? NotificationTexts.Render("Email.NeutralSubject", language) : subject;
    }
}
