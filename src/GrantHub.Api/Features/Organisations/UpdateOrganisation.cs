using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

/// <summary>The whole profile as it should now read, with the <c>version</c> of the organisation it was edited from.</summary>
public record UpdateOrganisationRequest(
    string Name,
    string Country,
    OrganisationType Type,
    string? RegistrationNumber,
    decimal? AnnualBudget,
    bool WomenLed,
    bool Sensitive,
    long? Version,
    string? Alias = null);

public record UpdateOrganisationCommand(
    Guid Id,
    [property: SensitiveData] string Name,
    string Country,
    OrganisationType Type,
    [property: SensitiveData] string? RegistrationNumber,
    decimal? AnnualBudget,
    bool WomenLed,
    bool Sensitive,
    long? Version,
    string? Alias = null) : ICommand<OrganisationResponse>, IHasId, IOrganisationProfile
{
    public static UpdateOrganisationCommand From(Guid id, UpdateOrganisationRequest request) => new(
        id, request.Name, request.Country, request.Type, request.RegistrationNumber, request.AnnualBudget, request.WomenLed, request.Sensitive, request.Version, request.Alias);
}

public sealed class UpdateOrganisationValidator : OrganisationProfileValidator<UpdateOrganisationCommand>
{
    public UpdateOrganisationValidator() => RuleFor(c => c.Version).NotNull();
}

/// <summary>
/// Owners edit the profile; other members and overseeing staff are refused (403), anyone else finds nothing (404).
/// The edit names the version it started from: if the organisation changed since, nothing is saved and the owner is
/// told to look again (409 <c>organisation-changed</c>), so two owners editing at once never silently undo each other.
/// </summary>
public sealed class UpdateOrganisationHandler(GrantHubDbContext db, Viewer user)
    : ICommandHandler<UpdateOrganisationCommand, OrganisationResponse>
{
    public async ValueTask<OrganisationResponse> Handle(UpdateOrganisationCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Members).FindVisibleAsync(user, command.Id, cancellationToken);
        if (!organisation.IsOwner(user.RequiredId()))
        {
            throw new ForbiddenException("Only an owner of the organisation can edit its profile.");
        }

        if (organisation.Version != command.Version)
        {
            throw new BusinessRuleException("organisation-changed", "The organisation was changed since you opened it: look at it again, then make your change.");
        }

        organisation.UpdateProfile(
            command.TrimmedName(),
            command.Country,
            command.Type,
            command.TrimmedRegistrationNumber(),
            command.AnnualBudgetMoney(),
            command.WomenLed,
            command.Sensitive);
        organisation.ChangeAlias(command.Alias);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(organisation, user, cancellationToken);
    }
}
