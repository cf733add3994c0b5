using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>
/// What a fiscal host is asked to consent to: the application, the group that leads it (named as the host may see it),
/// the amount requested, the fee, and the answer so far. <c>canAnswer</c> is true for the host's owners while the
/// application is a draft.
/// </summary>
public record FiscalHostRequestResponse(
    Guid ApplicationId,
    string ApplicationTitle,
    string CallTitle,
    ApplicationStatus ApplicationStatus,
    Guid LeadOrganisationId,
    string LeadOrganisationName,
    Guid HostOrganisationId,
    string HostOrganisationName,
    decimal FeePercent,
    FiscalHostConsent Consent,
    DateTimeOffset? AnsweredAt,
    decimal RequestedTotal,
    string Currency,
    int DurationMonths,
    bool CanAnswer);

public record GetFiscalHostRequestQuery(Guid Id) : IQuery<FiscalHostRequestResponse>;

public sealed class GetFiscalHostRequestHandler(GrantHubDbContext db, Viewer user) : IQueryHandler<GetFiscalHostRequestQuery, FiscalHostRequestResponse>
{
    public async ValueTask<FiscalHostRequestResponse> Handle(GetFiscalHostRequestQuery query, CancellationToken cancellationToken)
    {
        var application = await FiscalHostRequests.FindAsync(db, user, query.Id, cancellationToken);
        return await FiscalHostRequests.ToResponseAsync(db, user, application, cancellationToken);
    }
}

public static class FiscalHostRequests
{
    /// <summary>
    /// An application with a fiscal host, for the host's members or anyone who may read the application; 404 for everyone
    /// else and for an application without a host.
    /// </summary>
    public static async Task<Application> FindAsync(GrantHubDbContext db, Viewer user, Guid id, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application?.FiscalHostOrganisationId is { } hostId
            && (await user.IsMemberOfAsync(hostId, cancellationToken)
                || await db.Applications.VisibleTo(user).AnyAsync(a => a.Id == id, cancellationToken)))
        {
            return application;
        }

        throw new NotFoundException("Fiscal host request", id);
    }

    public static async Task<FiscalHostRequestResponse> ToResponseAsync(GrantHubDbContext db, Viewer user, Application application, CancellationToken cancellationToken)
    {
        var hostId = application.FiscalHostOrganisationId!.Value;
        var names = await db.OrganisationNamesAsync(user, [application.LeadOrganisationId, hostId], OrganisationNameUse.Everyday, cancellationToken);
        var callTitle = await db.Calls.Where(c => c.Id == application.CallId).Select(c => c.Title).SingleAsync(cancellationToken);
        var canAnswer = application.Status == ApplicationStatus.Draft && await user.RoleInAsync(hostId, cancellationToken) == MembershipRole.Owner;
        return new FiscalHostRequestResponse(
            application.Id,
            application.Title,
            callTitle,
            application.Status,
            application.LeadOrganisationId,
            names[application.LeadOrganisationId],
            hostId,
            names[hostId],
            FiscalHostFees.ToPercent(application.FiscalHostFeeBasisPoints!.Value),
            application.FiscalHostConsent!.Value,
            application.FiscalHostAnsweredAt,
            application.RequestedTotal.Amount,
            application.Currency,
            application.DurationMonths,
            canAnswer);
    }
}
