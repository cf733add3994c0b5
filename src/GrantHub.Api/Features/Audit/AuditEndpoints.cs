using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Mediator;

namespace GrantHub.Api.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var audit = routes.MapGroup("/api/audit").WithTags("Audit").WithProblemResponses().RequireAuthorization(Policies.Admin);

        audit.MapGetBuiltAtStart("/", (IMediator mediator, [AsParameters] ListAuditQuery query, CancellationToken ct) => mediator.Send(query, ct))
            .WithSummary("The audit trail, newest first, optionally for one object (Admin)");

        audit.MapGetBuiltAtStart("/verify", (IMediator mediator, [AsParameters] VerifyAuditQuery query, CancellationToken ct) => mediator.Send(query, ct))
            .WithSummary("Recompute the hash chain and report the first broken entry; with an anchor (?sequence=&hash= from /head) also a chain cut short of it or forked from it (Admin)");

        audit.MapGet("/head", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetAuditHeadQuery(), ct))
            .WithSummary("The newest entry's sequence, hash and time, to keep outside GrantHub as an anchor for later verification (Admin)");
    }
}
