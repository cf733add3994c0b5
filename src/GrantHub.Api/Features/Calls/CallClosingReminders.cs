using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record CallClosingRemindersCommand : ICommand<SweepResult>;

/// <summary>
/// Before an Open call closes, reminds those whose action a draft application still waits for: the members of its
/// lead organisation (to submit it) and the members of each partner organisation that has not answered its
/// invitation (to confirm or decline: the lead cannot submit before). Once within 7 days of the closing instant, and
/// once within the last 24 hours; a sweep that first sees a call in its last day sends only the last-day reminder.
/// <para>
/// Only drafts count: a submitted application is complete (every partner confirmed), so no invitation on it can be
/// pending. The closing instant of an Open call never changes (only Draft calls are editable), so each reminder is
/// one event per application, made once per recipient however often, or on however many servers, the sweep runs.
/// </para>
/// <para>
/// Set-based: three queries whatever the number of calls and applications, then one <see cref="Notifier.NotifyManyAsync"/>, which
/// inserts them with a few multi-row INSERTs that skip every key already present.
/// </para>
/// </summary>
public sealed class CallClosingRemindersHandler(GrantHubDbContext db, Notifier notifier, TimeProvider clock)
    : ICommandHandler<CallClosingRemindersCommand, SweepResult>
{
    public const string Kind = "call-closing";

    private const int SubjectTitleLength = 120;

    public static readonly TimeSpan FirstReminder = TimeSpan.FromDays(7);
    public static readonly TimeSpan LastReminder = TimeSpan.FromDays(1);

    public async ValueTask<SweepResult> Handle(CallClosingRemindersCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + FirstReminder;
        var drafts = db.Applications
            .Where(a => a.Status == ApplicationStatus.Draft)
            .Join(
                db.Calls.Where(c => c.Status == CallStatus.Open && c.ClosesAt > now && c.ClosesAt <= horizon),
                a => a.CallId,
                c => c.Id,
                (a, c) => new { Application = a, Call = c });

        var applications = await drafts
            .Select(x => new ClosingDraft(x.Application.Id, x.Application.Title, x.Call.Id, x.Call.Title, x.Call.ClosesAt))
            .ToListAsync(cancellationToken);
        if (applications.Count == 0)
        {
            return new SweepResult(0);
        }

        var leadMembers = (await drafts
                .Join(db.OrganisationMembers, x => x.Application.LeadOrganisationId, m => m.OrganisationId, (x, m) => new { ApplicationId = x.Application.Id, m.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ApplicationId, m => m.UserId);
        var invitedPartnerMembers = (await drafts
                .SelectMany(
                    x => x.Application.Members.Where(p => p.Role == ConsortiumRole.Partner && p.Status == ConsortiumMemberStatus.Invited),
                    (x, p) => new { ApplicationId = x.Application.Id, p.OrganisationId })
                .Join(db.OrganisationMembers, p => p.OrganisationId, m => m.OrganisationId, (p, m) => new { p.ApplicationId, m.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ApplicationId, m => m.UserId);

        var reminders = applications.SelectMany(draft =>
        {
            var lastDay = draft.ClosesAt - now <= LastReminder;
            var eventKey = $"{(lastDay ? "call-closing-1d" : "call-closing-7d")}:{draft.CallId:N}:{draft.ApplicationId:N}";
            var toLead = LeadMessage(draft, lastDay);
            var toPartners = PartnerMessage(draft, lastDay);
            return leadMembers[draft.ApplicationId].Select(user => new OutgoingNotification(user, toLead, eventKey))
                .Concat(invitedPartnerMembers[draft.ApplicationId].Select(user => new OutgoingNotification(user, toPartners, eventKey)));
        });

        var added = await notifier.NotifyManyAsync(reminders, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SweepResult(added);
    }

    private static NotificationMessage LeadMessage(ClosingDraft draft, bool lastDay) => new(
        Kind,
        new NotificationText("call-closing.Subject.Lead", Prefix(lastDay), ShortTitle(draft), draft.ClosesAt.UtcDateTime),
        new NotificationText("call-closing.Body.Lead", draft.ApplicationTitle, draft.CallTitle, draft.ClosesAt.UtcDateTime),
        Link(draft));

    private static NotificationMessage PartnerMessage(ClosingDraft draft, bool lastDay) => new(
        Kind,
        new NotificationText("call-closing.Subject.Partner", Prefix(lastDay), ShortTitle(draft), draft.ClosesAt.UtcDateTime),
        new NotificationText("call-closing.Body.Partner", draft.ApplicationTitle, draft.CallTitle, draft.ClosesAt.UtcDateTime),
        Link(draft));

    private static NotificationText Prefix(bool lastDay) => new(lastDay ? "call-closing.LastDay" : "call-closing.Reminder");

    private static string ShortTitle(ClosingDraft draft) =>
        draft.CallTitle.Length <= SubjectTitleLength ? draft.CallTitle : draft.CallTitle[..(SubjectTitleLength - 1)] + "…";

    private static string Link(ClosingDraft draft) => $"/applications/{draft.ApplicationId}";

    private sealed record ClosingDraft(Guid ApplicationId, string ApplicationTitle, Guid CallId, string CallTitle, DateTimeOffset ClosesAt);
}

public sealed class CallClosingRemindersJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "calls:closing-reminders";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new CallClosingRemindersCommand(), cancellationToken);
}
