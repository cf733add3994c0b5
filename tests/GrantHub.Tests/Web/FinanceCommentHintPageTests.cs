using System.Net;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Web;

/// <summary>The comment hint of each approval card says who reads the reason for a rejection (its own database: the queue holds only these cards).</summary>
public class FinanceCommentHintPageTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string Finance = "finance@granthub.local";

    [Theory]
    [InlineData("en", "the programme officer reads it on the grant's page", "emergency request")]
    [InlineData("fr", "la chargée de programme la lit sur la page de la subvention", "demande d'urgence")]
    public async Task A_tranche_card_says_who_reads_the_reason_for_a_rejection_and_only_an_emergency_card_speaks_of_emergency_requests(
        string language, string trancheHint, string emergencyWords)
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        var member = await factory.NewOrganisationMember();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, (await factory.CreateRapidResponseFund()).Id));
        var session = await WebSession.SignedIn(factory, Finance, language);

        var html = WebUtility.HtmlDecode(await session.Read("/finance/approvals"));

        var trancheCard = Card(html, scenario.GrantId);
        Assert.Contains(trancheHint, trancheCard);
        Assert.DoesNotContain(emergencyWords, trancheCard);
        Assert.Contains(emergencyWords, Card(html, request.Id));
    }

    private static string Card(string html, Guid id)
    {
        var start = html.IndexOf($"data-id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No card for {id}");
        var end = html.IndexOf("</li>\n    <li", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}
