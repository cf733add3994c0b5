using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using Mediator;

namespace GrantHub.Api.Features.Grants;

/// <param name="OrganisationId">The lead or partner organisation the signer signs for; omitted, the signer signs for the funder.</param>
public record SignAgreementRequest(string Sha256, Guid? OrganisationId = null);

public record SignAgreementCommand(Guid Id, string Sha256, Guid? OrganisationId) : ICommand<GrantResponse>, IHasId;

public sealed class SignAgreementValidator : AbstractValidator<SignAgreementCommand>
{
    public SignAgreementValidator() =>
        RuleFor(c => c.Sha256).NotEmpty().Matches("^[0-9a-fA-F]{64}$").WithMessage("The SHA-256 is 64 hexadecimal characters.");
}

/// <summary>
/// One party signs the latest agreement version by naming its hash (a stale or wrong hash is refused). With an
/// organisation, an owner of that lead or partner organisation signs for it (anyone else 403); without one, a
/// programme officer signs for the funder (anyone else 403), never a member of an organisation of the consortium
/// (409 <c>related-party</c>). The officer who awarded the grant may sign for the funder: signing moves no money,
/// so maker-checker does not apply. Whoever cannot see the grant gets 404.
/// </summary>
public sealed class SignAgreementHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<SignAgreementCommand, GrantResponse>
{
    public async ValueTask<GrantResponse> Handle(SignAgreementCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        var party = grant.SigningPartyFor(command.OrganisationId);
        if (party.OrganisationId is { } organisationId)
        {
            if (await viewer.RoleInAsync(organisationId, cancellationToken) != MembershipRole.Owner)
            {
                throw new ForbiddenException("Only an owner of the organisation can sign the grant agreement on its behalf.");
            }
        }
        else
        {
            if (!viewer.IsInRole(Roles.ProgrammeOfficer))
            {
                throw new ForbiddenException("Only a programme officer can sign the grant agreement for the funder.");
            }

            await viewer.EnsureNotRelatedPartyAsync(
                grant.RelatedOrganisationIds,
                "You are a member of an organisation of this grant and cannot sign its agreement for the funder.",
                cancellationToken);
        }

        grant.Sign(command.Sha256, party, viewer.RequiredId(), clock.UtcToday(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return GrantResponse.From(grant);
    }
}
