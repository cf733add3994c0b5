using System.Globalization;
using GrantHub.Core.Organisations;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Organisations;

/// <summary>The profile form that registering and editing an organisation share (<c>_ProfileFields</c>).</summary>
public abstract class OrganisationProfilePage : WebPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public OrganisationType Type { get; set; } = OrganisationType.WomensRightsOrganisation;
    [BindProperty] public string? RegistrationNumber { get; set; }
    [BindProperty] public string? AnnualBudget { get; set; }
    [BindProperty] public bool WomenLed { get; set; } = true;
    [BindProperty] public bool Sensitive { get; set; }
    [BindProperty] public string? Alias { get; set; }

    /// <summary>Every country, by its name in the reader's language.</summary>
    public IEnumerable<(string Code, string Name)> CountryChoices => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => c.Name.Split('-') is [_, var region, ..] && region.Length == 2 ? region : null)
        .OfType<string>()
        .Distinct()
        .Where(GrantHub.Core.Common.Countries.IsValid)
        .Select(code => (code, WebText.Country(code)))
        .OrderBy(c => c.Item2, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true));

    /// <summary>The typed budget as a number; false (with the field's error) when it is not one.</summary>
    protected bool TryReadBudget(out decimal? budget)
    {
        budget = WebText.ParseAmount(AnnualBudget);
        if (budget is null && !string.IsNullOrWhiteSpace(AnnualBudget))
        {
            ModelState.AddModelError(nameof(AnnualBudget), Text["Validation.Amount"]);
            return false;
        }

        return true;
    }
}
