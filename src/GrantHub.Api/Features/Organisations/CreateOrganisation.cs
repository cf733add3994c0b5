using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;

namespace GrantHub.Api.Features.Organisations;

/// <summary>
/// Registers an organisation; the user who registers it becomes its owner. The annual budget is in US dollars. The alias is
/// the working name an at-risk organisation is shown by to those who may not read its legal name.
/// </summary>
public record CreateOrganisationCommand(
    [property: SensitiveData] string Name,
    string Country,
    OrganisationType Type,
    [property: SensitiveData] string? RegistrationNumber,
    decimal? AnnualBudget,
    bool WomenLed,
    bool Sensitive,
    string? Alias = null) : ICommand<OrganisationResponse>, IOrganisationProfile;

public sealed class CreateOrganisationValidator : OrganisationProfileValidator<CreateOrganisationCommand>;

public sealed class CreateOrganisationHandler(GrantHubDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateOrganisationCommand, OrganisationResponse>
{
    public async ValueTask<OrganisationResponse> Handle(CreateOrganisationCommand command, CancellationToken cancellationToken)
    {
        var organisation = new Organisation(
            command.TrimmedName(),
            command.Country,
            command.Type,
            command.TrimmedRegistrationNumber(),
            command.AnnualBudgetMoney(),
            command.WomenLed,
            command.Sensitive,
            user.RequiredId(),
            clock.GetUtcNow());
        organisation.ChangeAlias(command.Alias);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(organisation, user, cancellationToken);
    }
}
