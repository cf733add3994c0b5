using System.Net;
using System.Text.Json;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Notifications;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Applications;

/// <summary>A lead, a partner that has confirmed, and their draft with a budget that fits the call.</summary>
public sealed record Consortium(CallResponse Call, Applicant Lead, Applicant Partner, ApplicationResponse Application)
{
    public Guid Id => Application.Id;
}

public static class ApplicationTestData
{
    /// <summary>Test calls: 50,000–300,000 EUR, 12–36 months, consortium of 1–3 partners, NP/BI/CO leads.</summary>
    public static async Task<CallResponse> OpenCall(this GrantHubFactory factory, Func<CallInput, CallInput>? adjust = null)
    {
        var fund = await factory.CreateFund();
        var input = TestData.CallInput(fund.Id, factory.Clock.GetUtcNow());
        return await factory.CreateOpenCall(adjust is null ? input : adjust(input));
    }

    public static CreateApplicationCommand ApplicationInput(Guid callId, Guid leadOrganisationId, int durationMonths = 24) => new(
        callId,
        leadOrganisationId,
        "Women mediators for local peace",
        "Core support for women mediators in local peace committees.",
        [Pillar.Participation],
        ["NP", "BI"],
        [TargetGroup.RuralWomen, TargetGroup.WomenHumanRightsDefenders],
        durationMonths);

    public static UpdateApplicationRequest UpdateInput(ApplicationResponse application, string title = "Renamed", int? durationMonths = null) => new(
        application.CallId,
        application.LeadOrganisationId,
        title,
        application.Summary,
        application.Pillars,
        application.Countries,
        application.TargetGroups,
        durationMonths ?? application.DurationMonths);

    public static async Task<ApplicationResponse> Draft(this Applicant lead, CallResponse call, int durationMonths = 24) =>
        await (await lead.Client.PostJson("/api/applications", ApplicationInput(call.Id, lead.OrganisationId, durationMonths)))
            .ReadAs<ApplicationResponse>(HttpStatusCode.Created);

    public static async Task<ApplicationResponse> Invite(this Applicant lead, Guid applicationId, Applicant partner) =>
        await (await lead.Client.PostJson($"/api/applications/{applicationId}/partners", new InvitePartnerRequest(partner.OrganisationId)))
            .ReadAs<ApplicationResponse>();

    /// <summary>
    /// An organisation at risk can be invited only by someone who belongs to it too: a new account joins the lead
    /// and the partner by invitation and invites the partner.
    /// </summary>
    public static async Task<ApplicationResponse> InviteThroughSharedMember(this GrantHubFactory factory, Applicant lead, Guid applicationId, Applicant partner)
    {
        var email = $"bridge-{Guid.NewGuid():N}@example.org";
        var bridge = await factory.NewApplicant(email);
        await lead.Admit(bridge, email);
        await partner.Admit(bridge, email);
        return await (await bridge.PostJson($"/api/applications/{applicationId}/partners", new InvitePartnerRequest(partner.OrganisationId)))
            .ReadAs<ApplicationResponse>();
    }

    public static async Task<ApplicationResponse> Confirm(this Applicant partner, Guid applicationId) =>
        await (await partner.Client.PostJson($"/api/applications/{applicationId}/partners/{partner.OrganisationId}/confirm"))
            .ReadAs<ApplicationResponse>();

    /// <summary>The partner confirms the share it read, naming its fingerprint.</summary>
    public static async Task<ApplicationResponse> ConfirmSeen(this Applicant partner, Guid applicationId, string budgetFingerprint) =>
        await (await partner.Client.PostJson($"/api/applications/{applicationId}/partners/{partner.OrganisationId}/confirm", new ConfirmPartnershipRequest(budgetFingerprint)))
            .ReadAs<ApplicationResponse>();

    public static Task<HttpResponseMessage> PutBudget(this HttpClient client, Guid applicationId, params BudgetLineInput[] lines) =>
        client.PutJson($"/api/applications/{applicationId}/budget", new SetApplicationBudgetRequest(lines));

    public static async Task<ApplicationResponse> Budget(this Applicant lead, Guid applicationId, params BudgetLineInput[] lines) =>
        await (await lead.Client.PutBudget(applicationId, lines)).ReadAs<ApplicationResponse>();

    public static Task<HttpResponseMessage> Submit(this HttpClient client, Guid applicationId) =>
        client.PostJson($"/api/applications/{applicationId}/submit");

    public static async Task<ApplicationResponse> Get(this HttpClient client, Guid applicationId) =>
        await (await client.GetAsync($"/api/applications/{applicationId}")).ReadAs<ApplicationResponse>();

    /// <summary>A consortium ready to submit: 24 months, 100,000 EUR (lead 80,000, partner 20,000), partner confirmed.</summary>
    public static async Task<Consortium> ReadyConsortium(
        this GrantHubFactory factory, CallResponse? call = null, string leadCountry = "NP", bool sensitivePartner = false, bool sensitiveLead = false)
    {
        call ??= await factory.OpenCall();
        var lead = await factory.NewOrganisation(leadCountry, sensitiveLead);
        var partner = await factory.NewOrganisation("BI", sensitivePartner);
        var application = await lead.Draft(call);
        await lead.Invite(application.Id, partner);
        await lead.Budget(
            application.Id,
            new BudgetLineInput(lead.OrganisationId, 1, 50_000m),
            new BudgetLineInput(lead.OrganisationId, 2, 30_000m),
            new BudgetLineInput(partner.OrganisationId, 1, 10_000m),
            new BudgetLineInput(partner.OrganisationId, 2, 10_000m));
        application = await partner.Confirm(application.Id);
        return new Consortium(call, lead, partner, application);
    }

    /// <summary>Responses hold lists, which records compare by reference: compare what goes over the wire.</summary>
    public static void AssertSameApplication(ApplicationResponse expected, ApplicationResponse actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, HttpAssertions.Json), JsonSerializer.Serialize(actual, HttpAssertions.Json));

    public static async Task<IReadOnlyList<NotificationResponse>> Notifications(this HttpClient client) =>
        (await (await client.GetAsync("/api/me/notifications?pageSize=100")).ReadAs<PagedResponse<NotificationResponse>>()).Items;
}
