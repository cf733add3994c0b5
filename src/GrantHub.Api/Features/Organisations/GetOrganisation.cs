using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

public record GetOrganisationQuery(Guid Id) : IQuery<OrganisationResponse>;

/// <summary>Members and overseeing staff see an organisation; anyone else gets 404.</summary>
public sealed class GetOrganisationHandler(GrantHubDbContext db, Viewer user) : IQueryHandler<GetOrganisationQuery, OrganisationResponse>
{
    public async ValueTask<OrganisationResponse> Handle(GetOrganisationQuery query, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Members).FindVisibleAsync(user, query.Id, cancellationToken);
        return await db.ToResponseAsync(organisation, user, cancellationToken);
    }
}
