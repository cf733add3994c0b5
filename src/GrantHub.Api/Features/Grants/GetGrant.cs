using GrantHub.Api.Infrastructure.Time;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record GetGrantQuery(Guid Id) : IQuery<GrantResponse>;

/// <summary>Tranche statuses are shown as of today: a tranche whose moment has come reads Due even before a command saves it.</summary>
public sealed class GetGrantHandler(GrantDetailsReader grants, TimeProvider clock) : IQueryHandler<GetGrantQuery, GrantResponse>
{
    public async ValueTask<GrantResponse> Handle(GetGrantQuery query, CancellationToken cancellationToken)
    {
        var grant = await grants.FindVisibleAsync(query.Id, cancellationToken);
        grant.RefreshDueTranches(clock.UtcToday());
        return GrantResponse.From(grant);
    }
}
