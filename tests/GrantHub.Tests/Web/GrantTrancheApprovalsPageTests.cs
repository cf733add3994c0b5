using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Common;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Web;

/// <summary>The officer's grant page: each tranche's finance decisions in detail; the consortium's own page shows none of them.</summary>
public class GrantTrancheApprovalsPageTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string FirstComment = "Bank details checked against the signed agreement.";

    [Fact]
    public async Task The_officer_reads_who_approved_each_tranche_when_with_what_comment_what_is_still_needed_and_the_payment_reference()
    {
        // 30,000 tranches above a 29,999.99 threshold: each needs two finance officers.
        var scenario = await factory.AwardGrant(amount: 90_000m, approvalThreshold: 29_999.99m);
        await factory.Activate(scenario);
        var finance = await factory.Finance();
        await (await finance.PostJson($"{scenario.Url}/tranches/1/approvals", new TrancheApprovalRequest(ApprovalDecision.Approve, FirstComment)))
            .ShouldBe(HttpStatusCode.OK);
        var officer = await WebSession.SignedIn(factory, GrantScenarios.OfficerEmail);

        var halfApproved = await officer.Read($"/grants/{scenario.GrantId}");
        Assert.Equal("Approvals still needed before payment: 1 of 2.", WebSession.TextOf(halfApproved, "tranche-1-state"));
        Assert.StartsWith("Approved by Fatima Finance on ", WebSession.TextOf(halfApproved, "tranche-1-approvals"));
        Assert.EndsWith($": {FirstComment}", WebSession.TextOf(halfApproved, "tranche-1-approvals"));
        Assert.Equal("Approvals still needed before payment: 2 of 2.", WebSession.TextOf(halfApproved, "tranche-2-state"));

        await (await (await factory.ClientFor("finance2@granthub.local")).Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Fully approved: finance can record the payment.", WebSession.TextOf(await officer.Read($"/grants/{scenario.GrantId}"), "tranche-1-state"));
        await (await finance.Pay(scenario, 1, factory.Today(), "SWIFT-2026-0042")).ShouldBe(HttpStatusCode.OK);

        var paid = await officer.Read($"/grants/{scenario.GrantId}");
        Assert.Matches("^Paid on .+, bank reference SWIFT-2026-0042\\.$", WebSession.TextOf(paid, "tranche-1-state"));
        Assert.Contains("Approved by Frida Finance on ", WebSession.TextOf(paid, "tranche-1-approvals"));

        foreach (var member in new[] { scenario.LeadOwner, scenario.PartnerOwner })
        {
            var own = await (await WebSession.SignedIn(factory, member.Email)).Read($"/grants/{scenario.GrantId}");
            Assert.Contains("Paid", own);
            Assert.DoesNotContain(FirstComment, own);
            Assert.DoesNotContain("Fatima Finance", own);
            Assert.DoesNotContain("tranche-1-approvals", own);
        }
    }
}
