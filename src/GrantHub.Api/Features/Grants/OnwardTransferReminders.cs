using System.Globalization;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record OnwardTransferRemindersCommand : ICommand<SweepResult>;

/// <summary>
/// The agreement's 30-day clause: a partner's share of a tranche paid to the lead is due 30 days after the payment.
/// From <see cref="RemindDaysBefore"/> days before that date until it, the lead's members are reminded of each share not
/// yet fully recorded as transferred; once the date has passed, the grant's programme officer (who awarded it) is
/// alerted of each share the partner has not confirmed in full. One reminder and one alert per tranche per partner, each
/// once per recipient however often, or on however many servers, the sweep runs (the notifications' unique keys). A
/// share confirmed before the sweep sees it overdue is never alerted.
/// <para>
/// Reads the grants paid to their lead that have a tranche paid at least 23 days ago (three queries), and works out the
/// shares in memory: the expected share is a rounded-down proportion, which SQL would have to reproduce exactly.
/// </para>
/// </summary>
public sealed class OnwardTransferRemindersHandler(GrantHubDbContext db, Notifier notifier, TimeProvider clock)
    : ICommandHandler<OnwardTransferRemindersCommand, SweepResult>
{
    public const string DueKind = "onward-transfer-due";
    public const string OverdueKind = "onward-transfer-overdue";
    public const int RemindDaysBefore = 7;

    public async ValueTask<SweepResult> Handle(OnwardTransferRemindersCommand command, CancellationToken cancellationToken)
    {
        var today = clock.UtcToday();
        var paidBy = today.AddDays(RemindDaysBefore - Grant.OnwardTransferDays);
        var grants = await db.Grants.AsNoTracking()
            .Where(g => !g.PaysMembersDirectly && g.Tranches.Any(t => t.Status == TrancheStatus.Paid && t.PaidOn <= paidBy))
            .Include(g => g.Allocations)
            .Include(g => g.Tranches)
            .Include(g => g.OnwardTransfers)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var open = grants
            .SelectMany(g => g.OnwardShares().Where(s => !s.IsSettled && s.DueOn.AddDays(-RemindDaysBefore) <= today).Select(s => (Grant: g, Share: s)))
            .ToList();
        if (open.Count == 0)
        {
            return new SweepResult(0);
        }

        var leads = open.Select(o => o.Grant.LeadOrganisationId).Distinct().ToList();
        var leadMembers = (await db.OrganisationMembers.AsNoTracking()
                .Where(m => leads.Contains(m.OrganisationId))
                .Select(m => new { m.OrganisationId, m.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.OrganisationId, m => m.UserId);

        var notifications = open.SelectMany(o =>
        {
            var (grant, share) = o;
            if (today > share.DueOn)
            {
                return [new OutgoingNotification(grant.AwardedBy, OverdueMessage(grant, share, today), EventKey("onward-transfer-overdue", share))];
            }

            return share.Recorded < share.Expected
                ? leadMembers[grant.LeadOrganisationId].Select(member => new OutgoingNotification(member, DueMessage(grant, share, today), EventKey("onward-transfer-due-7d", share)))
                : [];
        });

        var added = await notifier.NotifyManyAsync(notifications, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SweepResult(added, Found: open.Count);
    }

    private static string EventKey(string reminder, OnwardShare share) =>
        string.Create(CultureInfo.InvariantCulture, $"{reminder}:{share.Tranche.Id:N}:{share.PartnerOrganisationId:N}");

    /// <summary>Subjects and bodies name the grant by number and the share by amount, never an organisation (lock screens, mail logs).</summary>
    private static NotificationMessage DueMessage(Grant grant, OnwardShare share, DateOnly today) => new(
        DueKind,
        new NotificationText("onward-transfer-due.Subject", grant.GrantNumber, share.Tranche.Number, share.DueOn),
        new NotificationText(
            "onward-transfer-due.Body",
            NotificationAmount.Of(share.Expected - share.Recorded),
            share.Tranche.Number,
            grant.GrantNumber,
            share.Tranche.PaidOn,
            share.DueOn,
            share.DueOn.DayNumber - today.DayNumber),
        $"/grants/{grant.Id}");

    private static NotificationMessage OverdueMessage(Grant grant, OnwardShare share, DateOnly today) => new(
        OverdueKind,
        new NotificationText("onward-transfer-overdue.Subject", grant.GrantNumber, share.Tranche.Number),
        new NotificationText(
            "onward-transfer-overdue.Body",
            NotificationAmount.Of(share.Expected - share.Confirmed),
            share.Tranche.Number,
            grant.GrantNumber,
            share.Tranche.PaidOn,
            share.DueOn,
            today.DayNumber - share.DueOn.DayNumber,
            new NotificationText($"onward-transfer-overdue.Status.{share.Status}")),
        $"/grants/{grant.Id}");
}

public sealed class OnwardTransferRemindersJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "grants:onward-transfer-reminders";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new OnwardTransferRemindersCommand(), cancellationToken);
}
