using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Applications;

/// <summary>A consortium's application submitted to a call that has closed, with the demo reviewer assigned to it.</summary>
public sealed record ApplicationUnderReview(Guid ApplicationId, ScenarioUser LeadOwner, ScenarioUser LeadMember, ScenarioUser PartnerOwner, ScenarioUser Stranger)
{
    public string Url => $"/api/applications/{ApplicationId}/information-requests";
}

public static class InformationRequestScenarios
{
    public static async Task<ApplicationUnderReview> ApplicationUnderReview(this GrantHubFactory factory)
    {
        var fund = await factory.CreateFund();
        var call = await factory.CreateOpenCall(GrantScenarios.CallFor(fund.Id, 90_000m, factory.Clock.GetUtcNow()));
        var leadOwner = await factory.NewScenarioUser("lead-owner");
        var leadMember = await factory.NewScenarioUser("lead-member");
        var partnerOwner = await factory.NewScenarioUser("partner-owner");
        var stranger = await factory.NewScenarioUser("stranger");
        var lead = await factory.CreateOrganisation("Lead collective", leadOwner.Id, false, (leadMember.Id, MembershipRole.Member));
        var partner = await factory.CreateOrganisation("Partner network", partnerOwner.Id);
        await factory.CreateOrganisation("Unrelated group", stranger.Id);
        var applicationId = await factory.SubmitThroughDomain(call.Id, lead, partner, 6_000_000, 3_000_000, 24, leadOwner.Id);
        await factory.WithDb(async db =>
        {
            (await db.Calls.SingleAsync(c => c.Id == call.Id)).Close(factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var officer = await factory.Officer();
        await (await officer.PostJson($"/api/applications/{applicationId}/reviewers", new AssignReviewerRequest(
                await factory.UserId("reviewer@granthub.local"), factory.Clock.GetUtcNow().AddDays(14))))
            .ShouldBe(HttpStatusCode.Created);
        return new ApplicationUnderReview(applicationId, leadOwner, leadMember, partnerOwner, stranger);
    }
}
