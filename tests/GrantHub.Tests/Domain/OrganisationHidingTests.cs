using GrantHub.Core.Common;
using GrantHub.Core.Organisations;

namespace GrantHub.Tests.Domain;

public class OrganisationHidingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 7, 31, TimeSpan.Zero);

    private static Organisation NewOrganisation() =>
        new("Women Peace Forum", "NP", OrganisationType.Network, null, null, womenLed: true, sensitive: false, Guid.NewGuid(), Now);

    [Fact]
    public void Hiding_marks_the_organisation_at_risk_and_hiding_again_keeps_the_first_instant()
    {
        var organisation = NewOrganisation();

        organisation.Hide(Now);
        organisation.Hide(Now.AddHours(3));

        Assert.Equal((true, true, Now), (organisation.Hidden, organisation.Sensitive, organisation.HiddenAt));
    }

    [Fact]
    public void A_hidden_organisation_cannot_be_unmarked_at_risk_until_the_hiding_ends_and_then_stays_at_risk()
    {
        var organisation = NewOrganisation();
        organisation.Hide(Now);

        var refused = Assert.Throws<BusinessRuleException>(() =>
            organisation.UpdateProfile("Women Peace Forum", "NP", OrganisationType.Network, null, null, womenLed: true, sensitive: false));
        organisation.Reveal();

        Assert.Equal("organisation-hidden", refused.Rule);
        Assert.Equal((false, true, (DateTimeOffset?)null), (organisation.Hidden, organisation.Sensitive, organisation.HiddenAt));
        Assert.Equal("organisation-not-hidden", Assert.Throws<BusinessRuleException>(organisation.Reveal).Rule);
    }

    [Fact]
    public void A_blank_alias_is_no_alias_and_an_alias_is_kept_trimmed()
    {
        var organisation = NewOrganisation();

        organisation.ChangeAlias("  Hill Circle ");
        Assert.Equal("Hill Circle", organisation.Alias);
        organisation.ChangeAlias(" ");
        Assert.Null(organisation.Alias);
    }
}
