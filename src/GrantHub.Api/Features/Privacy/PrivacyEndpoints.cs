using GrantHub.Api.Infrastructure.Http;
using Mediator;

namespace GrantHub.Api.Features.Privacy;

public static class PrivacyEndpoints
{
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/me").WithTags("Users").WithProblemResponses();

        me.MapPost("/erasure", (EraseMyAccountCommand command, IMediator mediator, CancellationToken ct) => mediator.Send(command, ct))
            .RequireAuthorization()
            .WithSummary("Erase my own account, confirmed with its password: anonymised and signed out everywhere (not staff accounts; 409 last-owner while I am the only owner of an organisation with other members)");
    }
}
