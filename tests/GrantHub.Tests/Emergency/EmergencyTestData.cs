using System.Net;
using System.Net.Http.Json;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Funds;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Funds;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Emergency;

/// <summary>An applicant signed in, owner of an organisation created directly in the database.</summary>
public sealed record OrganisationMember(HttpClient Client, Guid UserId, Guid OrganisationId);

public static class EmergencyTestData
{
    public const string Url = "/api/emergency-requests";
    public const string Justification = "Our coordinator received death threats and must relocate with her two children tonight.";

    public static Task<HttpClient> Finance2(this GrantHubFactory factory) => factory.ClientFor("finance2@granthub.local");

    public static Task<Guid> OrganisationIdOf(this GrantHubFactory factory, string name) =>
        factory.WithDb(db => db.Organisations.NamedExactly(db.Cipher, name).Select(o => o.Id).SingleAsync());

    public static Task<Guid> CreateOrganisation(this GrantHubFactory factory, Guid ownerUserId, bool sensitive = false, string? name = null) =>
        factory.WithDb(async db =>
        {
            var organisation = new Organisation(
                name ?? $"Women's Collective {Guid.NewGuid():N}", "UA", OrganisationType.CommunityGroup, null, null,
                womenLed: true, sensitive, ownerUserId, factory.Clock.GetUtcNow());
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    public static Task AddMember(this GrantHubFactory factory, Guid organisationId, Guid userId) =>
        factory.WithDb(async db =>
        {
            var organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == organisationId);
            organisation.AddMember(userId, MembershipRole.Member, factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

    /// <summary>A new applicant account (no organisation yet) and its user id.</summary>
    public static async Task<(HttpClient Client, Guid Id)> NewApplicantWithId(this GrantHubFactory factory)
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var client = await factory.NewApplicant(email);
        return (client, await factory.UserId(email));
    }

    /// <summary>A new applicant account owning a new organisation.</summary>
    public static async Task<OrganisationMember> NewOrganisationMember(this GrantHubFactory factory, bool sensitive = false, string? name = null)
    {
        var (client, userId) = await factory.NewApplicantWithId();
        return new OrganisationMember(client, userId, await factory.CreateOrganisation(userId, sensitive, name));
    }

    /// <summary>A new staff account with the given roles, signed in.</summary>
    public static async Task<(HttpClient Client, Guid Id)> NewStaff(this GrantHubFactory factory, params string[] roles)
    {
        var admin = await factory.Admin();
        var email = $"staff-{Guid.NewGuid():N}@granthub.local";
        var created = await (await admin.PostJson("/api/users", new CreateStaffUserCommand(email, DemoData.Password, "Staff Member", roles)))
            .ReadAs<StaffUserResponse>(HttpStatusCode.Created);
        return (await factory.ClientFor(email), created.Id);
    }

    public static Task<FundResponse> CreateRapidResponseFund(
        this GrantHubFactory factory, decimal budget = 100_000m, decimal approvalThreshold = 5_000m, string currency = "EUR") =>
        factory.CreateFund(FundKind.RapidResponse, budget, currency, approvalThreshold);

    public static SubmitEmergencyRequestCommand Body(
        this GrantHubFactory factory,
        Guid organisationId,
        Guid fundId,
        decimal amount = 1_500m,
        EmergencyCategory category = EmergencyCategory.SafetyAndRelocation,
        string justification = Justification) =>
        new(organisationId, fundId, amount, category, justification, factory.Today().AddDays(3));

    /// <summary>POSTs a new emergency request with an Idempotency-Key (a fresh one unless given; none if null is passed explicitly).</summary>
    public static Task<HttpResponseMessage> PostEmergencyRequest(this HttpClient client, object body, string? key = "new")
    {
        var message = new HttpRequestMessage(HttpMethod.Post, Url) { Content = JsonContent.Create(body, body.GetType(), options: HttpAssertions.Json) };
        if (key is not null)
        {
            message.Headers.Add(IdempotencyKeys.HeaderName, key == "new" ? Guid.NewGuid().ToString() : key);
        }

        return client.SendAsync(message);
    }

    public static async Task<EmergencyRequestResponse> Submit(this HttpClient client, SubmitEmergencyRequestCommand body) =>
        await (await client.PostEmergencyRequest(body)).ReadAs<EmergencyRequestResponse>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> Approve(this HttpClient finance, Guid requestId, string? comment = null) =>
        finance.PostJson($"{Url}/{requestId}/approvals", new EmergencyDecisionInput(ApprovalDecision.Approve, comment));

    public static Task<HttpResponseMessage> Reject(this HttpClient finance, Guid requestId, string? reason) =>
        finance.PostJson($"{Url}/{requestId}/approvals", new EmergencyDecisionInput(ApprovalDecision.Reject, reason));

    public static Task<HttpResponseMessage> Pay(this HttpClient finance, Guid requestId, DateOnly paidOn, string reference = "BANK-2026-0042") =>
        finance.PostJson($"{Url}/{requestId}/payment", new EmergencyPaymentInput(reference, paidOn));

    public static Task<HttpResponseMessage> Release(this HttpClient finance, Guid requestId, string reason) =>
        finance.PostJson($"{Url}/{requestId}/release", new EmergencyReleaseInput(reason));

    public static Task<HttpResponseMessage> Cancel(this HttpClient client, Guid requestId) => client.PostJson($"{Url}/{requestId}/cancel");
}
