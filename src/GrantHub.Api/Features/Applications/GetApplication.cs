using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;

namespace GrantHub.Api.Features.Applications;

public record GetApplicationQuery(Guid Id) : IQuery<ApplicationResponse>;

public sealed class GetApplicationHandler(GrantHubDbContext db, ICurrentUser user) : IQueryHandler<GetApplicationQuery, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(GetApplicationQuery query, CancellationToken cancellationToken)
    {
        var access = await ApplicationAccess.ForAsync(db, user, cancellationToken);
        var application = await access.LoadReadableAsync(db, query.Id, cancellationToken);
        return await db.ToResponseAsync(application, cancellationToken);
    }
}
