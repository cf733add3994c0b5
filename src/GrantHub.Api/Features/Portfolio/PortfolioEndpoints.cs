using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Mediator;

namespace GrantHub.Api.Features.Portfolio;

/// <summary>Every route under <c>/api/portfolio</c>.</summary>
public static class PortfolioEndpoints
{
    public static void MapPortfolioEndpoints(this IEndpointRouteBuilder routes)
    {
        var portfolio = routes.MapGroup("/api/portfolio").WithTags("Portfolio").WithProblemResponses()
            .RequireAuthorization(Policies.AdminOrProgrammeOfficer);

        portfolio.MapGetBuiltAtStart("/", (IMediator mediator, [AsParameters] GetPortfolioQuery query, CancellationToken ct) => mediator.Send(query, ct))
            .WithSummary("Awarded grants and amounts by WPS pillar, country, target group, women-led lead, first-time grantee and year of award, per currency; filters fund, call, period (from, to), pillar, country (ProgrammeOfficer, Admin)");
    }
}
