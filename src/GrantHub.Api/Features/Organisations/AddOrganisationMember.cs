using FluentValidation;
using FluentValidation.Results;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

public record AddOrganisationMemberRequest(string Email, MembershipRole Role);

/// <summary>
/// An owner adds an existing account to the organisation. The e-mail stays out of the audit trail: who belongs
/// to an at-risk organisation is itself sensitive (the membership row records it).
/// </summary>
public record AddOrganisationMemberCommand(Guid Id, [property: SensitiveData] string Email, MembershipRole Role)
    : ICommand<OrganisationResponse>, IHasId;

public sealed class AddOrganisationMemberValidator : AbstractValidator<AddOrganisationMemberCommand>
{
    public AddOrganisationMemberValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(c => c.Role).IsInEnum();
    }
}

public sealed class AddOrganisationMemberHandler(
    GrantHubDbContext db,
    ICurrentUser user,
    ILookupNormalizer normalizer,
    TimeProvider clock)
    : ICommandHandler<AddOrganisationMemberCommand, OrganisationResponse>
{
    public async ValueTask<OrganisationResponse> Handle(AddOrganisationMemberCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.LoadVisibleAsync(user, command.Id, cancellationToken);
        if (!organisation.IsOwner(user.RequiredId()))
        {
            throw new ForbiddenException("Only an owner of the organisation can add members.");
        }

        var email = normalizer.NormalizeEmail(command.Email.Trim());
        var accountId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException([new ValidationFailure(nameof(command.Email), "No account can be added with this e-mail address.")]);

        organisation.AddMember(accountId, command.Role, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(organisation, user, cancellationToken);
    }
}
