using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record GetGrantQuery(Guid Id) : IQuery<GrantResponse>;

/// <summary>Tranche statuses are shown as of today: a tranche whose moment has come reads Due even before a command saves it.</summary>
public sealed class GetGrantHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock) : IQueryHandler<GetGrantQuery, GrantResponse>
{
    public async ValueTask<GrantResponse> Handle(GetGrantQuery query, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.AsNoTracking().WithDetails().FindVisibleAsync(viewer, query.Id, cancellationToken);
        grant.RefreshDueTranches(clock.UtcToday());
        return GrantResponse.From(grant);
    }
}
