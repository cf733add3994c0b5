using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;

namespace GrantHub.Api.Features.Applications;

public record GetApplicationQuery(Guid Id) : IQuery<ApplicationResponse>;

public sealed class GetApplicationHandler(GrantHubDbContext db, Viewer user) : IQueryHandler<GetApplicationQuery, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(GetApplicationQuery query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindVisibleAsync(user, query.Id, cancellationToken);
        return await db.ToResponseAsync(application, user, cancellationToken);
    }
}
