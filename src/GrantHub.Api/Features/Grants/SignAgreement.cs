using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record SignAgreementRequest(string Sha256);

public record SignAgreementCommand(Guid Id, string Sha256) : ICommand<GrantResponse>, IHasId;

public sealed class SignAgreementValidator : AbstractValidator<SignAgreementCommand>
{
    public SignAgreementValidator() =>
        RuleFor(c => c.Sha256).NotEmpty().Matches("^[0-9a-fA-F]{64}$").WithMessage("The SHA-256 is 64 hexadecimal characters.");
}

/// <summary>
/// An owner of the lead organisation signs the latest agreement version by naming its hash: a stale or wrong hash is
/// refused. Other consortium members and staff can see the grant but may not sign (403); anyone else gets 404.
/// </summary>
public sealed class SignAgreementHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<SignAgreementCommand, GrantResponse>
{
    public async ValueTask<GrantResponse> Handle(SignAgreementCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        if (await viewer.RoleInAsync(grant.LeadOrganisationId, cancellationToken) != MembershipRole.Owner)
        {
            throw new ForbiddenException("Only an owner of the lead organisation can sign the grant agreement.");
        }

        grant.Sign(command.Sha256, viewer.RequiredId(), clock.UtcToday(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return GrantResponse.From(grant);
    }
}
