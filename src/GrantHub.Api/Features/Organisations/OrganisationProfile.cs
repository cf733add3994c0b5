using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Common;
using GrantHub.Core.Organisations;

namespace GrantHub.Api.Features.Organisations;

/// <summary>The profile fields, as registering an organisation and editing it both send them.</summary>
public interface IOrganisationProfile
{
    string Name { get; }
    string Country { get; }
    OrganisationType Type { get; }
    string? RegistrationNumber { get; }
    decimal? AnnualBudget { get; }
    string? Alias { get; }
}

/// <summary>One set of rules for a profile, whether it is registered or edited.</summary>
public abstract class OrganisationProfileValidator<TProfile> : AbstractValidator<TProfile>
    where TProfile : IOrganisationProfile
{
    protected OrganisationProfileValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Country).NotEmpty().IsCountryCode();
        RuleFor(c => c.Type).IsInEnum();
        RuleFor(c => c.RegistrationNumber).MaximumLength(100);
        RuleFor(c => c.Alias!.Trim())
            .MaximumLength(Organisation.MaxAliasLength)
            .Must((profile, alias) => string.IsNullOrWhiteSpace(profile.Name) || !alias.Contains(profile.Name.Trim(), StringComparison.OrdinalIgnoreCase))
            .WithMessage("The alias must not contain the legal name: it is what those who may not know the legal name read.")
            .OverridePropertyName(nameof(IOrganisationProfile.Alias))
            .When(c => !string.IsNullOrWhiteSpace(c.Alias));
        RuleFor(c => c.AnnualBudget!.Value)
            .GreaterThanOrEqualTo(0)
            .LessThanOrEqualTo(1_000_000_000_000m)
            .OverridePropertyName(nameof(IOrganisationProfile.AnnualBudget))
            .FitsCurrency(_ => Organisation.BudgetCurrency)
            .When(c => c.AnnualBudget is not null);
    }
}

public static class OrganisationProfiles
{
    public static string TrimmedName(this IOrganisationProfile profile) => profile.Name.Trim();

    /// <summary>A blank registration number is no registration number: unregistered groups are eligible.</summary>
    public static string? TrimmedRegistrationNumber(this IOrganisationProfile profile) =>
        string.IsNullOrWhiteSpace(profile.RegistrationNumber) ? null : profile.RegistrationNumber.Trim();

    public static Money? AnnualBudgetMoney(this IOrganisationProfile profile) =>
        profile.AnnualBudget is { } budget ? Money.Of(budget, Organisation.BudgetCurrency) : null;
}
