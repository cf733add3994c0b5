using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record SubmissionRuleResponse(string Rule, string Message);

/// <summary>
/// The rules of the call a draft still fails, each with its 409 name; empty when it can be submitted. Also who the
/// consortium waits for: each partner that has not confirmed its current share, with the budget change that reset it
/// if one did.
/// </summary>
public record SubmissionChecklistResponse(Guid Id, bool CanSubmit, IReadOnlyList<SubmissionRuleResponse> Unmet, IReadOnlyList<WaitingPartnerResponse> WaitingPartners);

public record WaitingPartnerResponse(Guid OrganisationId, string OrganisationName, ConfirmationResetResponse? ConfirmationReset);

public record GetSubmissionChecklistQuery(Guid Id) : IQuery<SubmissionChecklistResponse>;

/// <summary>Asks the application itself which submission rules are unmet: the same checks as submitting, without submitting.</summary>
public sealed class GetSubmissionChecklistHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : IQueryHandler<GetSubmissionChecklistQuery, SubmissionChecklistResponse>
{
    public async ValueTask<SubmissionChecklistResponse> Handle(GetSubmissionChecklistQuery query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindForLeadAsync(user, query.Id, cancellationToken);
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken);
        var lead = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.LeadOrganisationId, cancellationToken);
        var fiscalHost = application.FiscalHostOrganisationId is { } hostId
            ? await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == hostId, cancellationToken)
            : null;
        var unmet = application.UnmetSubmissionRules(call, lead, clock.GetUtcNow(), fiscalHost);
        var members = (await db.ToResponseAsync(application, user, cancellationToken)).Members;
        return new SubmissionChecklistResponse(
            application.Id,
            unmet.Count == 0,
            [.. unmet.Select(r => new SubmissionRuleResponse(r.Rule, r.Message))],
            [
                .. members
                    .Where(m => m.Role == ConsortiumRole.Partner && m.Status == ConsortiumMemberStatus.Invited)
                    .Select(m => new WaitingPartnerResponse(m.OrganisationId, m.OrganisationName, m.ConfirmationReset)),
            ]);
    }
}
