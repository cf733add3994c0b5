using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Emergency;

public record EscalateEmergencyRequestsCommand : ICommand<SweepResult>;

/// <summary>
/// Keeps the decision promise visible: undecided requests are escalated to every finance officer after
/// <see cref="EmergencyOptions.EscalationHours"/>, and a breach is recorded, and told to finance and programme
/// officers, once the promise has passed. Each happens once per request, however often or concurrently the sweep runs.
/// Set-based: the number of queries does not grow with the number of due requests.
/// </summary>
public sealed class EscalateEmergencyRequestsHandler(
    GrantHubDbContext db,
    TimeProvider clock,
    IOptions<EmergencyOptions> options,
    EmergencyNotifications notifications) : ICommandHandler<EscalateEmergencyRequestsCommand, SweepResult>
{
    public async ValueTask<SweepResult> Handle(EscalateEmergencyRequestsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var escalateSubmittedBefore = now - options.Value.Escalation;
        var due = await db.EmergencyRequests
            .Where(r => r.Status == EmergencyRequestStatus.Submitted
                && ((r.EscalatedAt == null && r.SubmittedAt <= escalateSubmittedBefore)
                    || (r.BreachedAt == null && r.DecisionDueAt <= now)))
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new SweepResult(0);
        }

        var escalated = new List<EmergencyRequest>();
        var breached = new List<EmergencyRequest>();
        foreach (var request in due)
        {
            if (request.Escalate(options.Value.Escalation, now))
            {
                escalated.Add(request);
            }

            if (request.RecordBreach(now))
            {
                breached.Add(request);
            }
        }

        await notifications.OverdueAsync(escalated, breached, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SweepResult(due.Count);
    }
}

public sealed class EscalateEmergencyRequestsJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "emergency:escalate";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new EscalateEmergencyRequestsCommand(), cancellationToken);
}
