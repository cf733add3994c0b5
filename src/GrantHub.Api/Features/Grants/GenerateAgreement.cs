using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record GenerateAgreementCommand(Guid Id) : ICommand<AgreementVersionResponse>, IHasId;

/// <summary>A new agreement version from the grant as it stands; the lead organisation must sign this latest version.</summary>
public sealed class GenerateAgreementHandler(GrantHubDbContext db, Viewer viewer, AgreementIssuer issuer, TimeProvider clock)
    : ICommandHandler<GenerateAgreementCommand, AgreementVersionResponse>
{
    public async ValueTask<AgreementVersionResponse> Handle(GenerateAgreementCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        var version = await issuer.IssueAsync(grant, viewer.RequiredId(), clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return AgreementVersionResponse.From(grant, version);
    }
}
