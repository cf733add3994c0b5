using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>
/// What consortium members are told. Subjects are fixed phrases (never an organisation's name or other free
/// text); bodies name an organisation only if it is not at risk (else by its alias at most).
/// </summary>
public sealed class ApplicationNotifications(GrantHubDbContext db, Notifier notifier)
{
    /// <summary>
    /// Nothing the inviter wrote (the application's title, the lead's name) reaches an at-risk partner's notifications:
    /// only the call's title, which the donor chose. Each invitation is its own event (keyed by the application's version), so a partner invited again is told again.
    /// </summary>
    public async Task PartnerInvitedAsync(Application application, Organisation lead, Organisation partner, string callTitle, CancellationToken cancellationToken)
    {
        var message = new NotificationMessage(
            "partner-invited",
            new NotificationText("partner-invited.Subject"),
            partner.Sensitive
                ? new NotificationText("partner-invited.Body.AtRisk", callTitle)
                : new NotificationText(
                    "partner-invited.Body",
                    Visibility.NameInMessages(lead.Naming(), new NotificationText("partner-invited.ALead")),
                    partner.Name,
                    application.Title,
                    callTitle),
            $"/applications/{application.Id}/partnership/{partner.Id}");
        await notifier.NotifyAsync(
            await MembersOfAsync([partner.Id], cancellationToken),
            message,
            $"partner-invited:{application.Id:N}:{partner.Id:N}:v{application.Version}",
            cancellationToken);
    }

    public async Task SubmittedAsync(Application application, string callTitle, CancellationToken cancellationToken)
    {
        var message = new NotificationMessage(
            "application-submitted",
            new NotificationText("application-submitted.Subject"),
            new NotificationText(
                "application-submitted.Body",
                application.Title,
                callTitle,
                application.SubmittedAt?.UtcDateTime,
                NotificationAmount.Of(application.RequestedTotal)),
            Link(application));
        var consortium = application.Members.Where(m => m.Status == ConsortiumMemberStatus.Confirmed).Select(m => m.OrganisationId).ToList();
        await notifier.NotifyAsync(
            await MembersOfAsync(consortium, cancellationToken),
            message,
            $"application-submitted:{application.Id:N}",
            cancellationToken);
    }

    /// <summary>
    /// A budget change touched a partner's confirmed share: its owners are told which years changed and that they must
    /// confirm again. Amounts and years only; for an at-risk partner, nothing the lead wrote (only the call's title).
    /// One notification per reset (keyed by the application's version).
    /// </summary>
    public async Task PartnerShareChangedAsync(Application application, ApplicationMember partner, Organisation lead, Organisation partnerOrganisation, string callTitle, CancellationToken cancellationToken)
    {
        var changes = new NotificationTextList([
            .. partner.ConfirmationResetBy.Select(change => new NotificationText(
                "partner-share-changed.Year",
                change.Year,
                AmountOrNone(change.PreviousMinorUnits, application.Currency),
                AmountOrNone(change.NewMinorUnits, application.Currency))),
        ]);
        var message = new NotificationMessage(
            "partner-share-changed",
            new NotificationText("partner-share-changed.Subject"),
            partnerOrganisation.Sensitive
                ? new NotificationText("partner-share-changed.Body.AtRisk", callTitle, changes)
                : new NotificationText(
                    "partner-share-changed.Body",
                    Visibility.NameInMessages(lead.Naming(), new NotificationText("partner-invited.ALead")),
                    partnerOrganisation.Name,
                    application.Title,
                    callTitle,
                    changes),
            $"/applications/{application.Id}/partnership/{partner.OrganisationId}");
        await notifier.NotifyAsync(
            await OwnersOfAsync(partner.OrganisationId, cancellationToken),
            message,
            $"partner-share-changed:{application.Id:N}:{partner.OrganisationId:N}:v{application.Version}",
            cancellationToken);
    }

    /// <summary>The host's owners are asked to consent; for an at-risk lead, only the call's title and the fee, never the group's name or text.</summary>
    public async Task FiscalHostRequestedAsync(Application application, Organisation lead, Organisation host, string callTitle, CancellationToken cancellationToken)
    {
        var fee = FiscalHostFees.ToPercent(application.FiscalHostFeeBasisPoints!.Value);
        var message = new NotificationMessage(
            "fiscal-host-requested",
            new NotificationText("fiscal-host-requested.Subject"),
            lead.Sensitive
                ? new NotificationText("fiscal-host-requested.Body.AtRisk", callTitle, fee)
                : new NotificationText("fiscal-host-requested.Body", lead.Name, Visibility.NameInMessages(host.Naming(), new NotificationText("fiscal-host-requested.YourOrganisation")), application.Title, callTitle, fee),
            $"/applications/{application.Id}/fiscal-host");
        await notifier.NotifyAsync(
            await OwnersOfAsync(host.Id, cancellationToken),
            message,
            $"fiscal-host-requested:{application.Id:N}:{host.Id:N}:v{application.Version}",
            cancellationToken);
    }

    private static object AmountOrNone(long? minorUnits, string currency) =>
        minorUnits is { } units ? NotificationAmount.Of(new Money(units, currency)) : new NotificationText("partner-share-changed.NoLine");

    private async Task<List<Guid>> OwnersOfAsync(Guid organisationId, CancellationToken cancellationToken) =>
        await db.OrganisationMembers
            .Where(m => m.OrganisationId == organisationId && m.Role == MembershipRole.Owner)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);

    private static string Link(Application application) => $"/applications/{application.Id}";

    private async Task<List<Guid>> MembersOfAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken) =>
        await db.OrganisationMembers
            .Where(m => organisationIds.Contains(m.OrganisationId))
            .Select(m => m.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
}

/// <summary>Texts of the catalogue written one after the other in the reader's language, separated by semicolons.</summary>
internal sealed record NotificationTextList(IReadOnlyList<NotificationText> Items) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.Join("; ", Items.Select(item => item.Render(formatProvider as System.Globalization.CultureInfo ?? NotificationTexts.English)));

    public override string ToString() => ToString(null, NotificationTexts.English);
}
