using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;

namespace GrantHub.Api.Features.Organisations;

/// <summary>Registers an organisation; the user who registers it becomes its owner. The annual budget is in US dollars.</summary>
public record CreateOrganisationCommand(
    string Name,
    string Country,
    OrganisationType Type,
    string? RegistrationNumber,
    decimal? AnnualBudget,
    bool WomenLed,
    bool Sensitive) : ICommand<OrganisationResponse>, IRedactsForAudit
{
    /// <summary>An at-risk organisation's identifying fields never reach the audit trail.</summary>
    public object RedactedForAudit() => Sensitive
        ? this with
        {
            Name = AuditPayload.Redacted,
            RegistrationNumber = RegistrationNumber is null ? null : AuditPayload.Redacted,
        }
        : this;
}

public sealed class CreateOrganisationValidator : AbstractValidator<CreateOrganisationCommand>
{
    public CreateOrganisationValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Country).NotEmpty().IsCountryCode();
        RuleFor(c => c.Type).IsInEnum();
        RuleFor(c => c.RegistrationNumber).MaximumLength(100);
        RuleFor(c => c.AnnualBudget!.Value)
            .GreaterThanOrEqualTo(0)
            .LessThanOrEqualTo(1_000_000_000_000m)
            .OverridePropertyName(nameof(CreateOrganisationCommand.AnnualBudget))
            .FitsCurrency(_ => Organisation.BudgetCurrency)
            .When(c => c.AnnualBudget is not null);
    }
}

public sealed class CreateOrganisationHandler(GrantHubDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateOrganisationCommand, OrganisationResponse>
{
    public async ValueTask<OrganisationResponse> Handle(CreateOrganisationCommand command, CancellationToken cancellationToken)
    {
        var registrationNumber = string.IsNullOrWhiteSpace(command.RegistrationNumber) ? null : command.RegistrationNumber.Trim();
        var organisation = new Organisation(
            command.Name.Trim(),
            command.Country,
            command.Type,
            registrationNumber,
            command.AnnualBudget is { } budget ? Money.Of(budget, Organisation.BudgetCurrency) : null,
            command.WomenLed,
            command.Sensitive,
            user.RequiredId(),
            clock.GetUtcNow());
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(organisation, user, cancellationToken);
    }
}
