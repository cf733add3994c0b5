using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Grants;

public static class OnwardTransferSteps
{
    /// <summary>The default scenario's tranche 1 (30,000 EUR) pays the partner a 10,000 EUR share (30,000 of 90,000).</summary>
    public const decimal PartnerShareOfTrancheOne = 10_000m;

    /// <summary>An active grant whose first tranche is paid to the lead today.</summary>
    public static async Task<GrantScenario> GrantWithFirstTranchePaid(this GrantHubFactory factory)
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        await factory.ApproveAndPay(scenario, 1);
        return scenario;
    }

    public static Task<HttpResponseMessage> RecordTransfer(
        this HttpClient client, GrantScenario scenario, decimal? amount = PartnerShareOfTrancheOne, DateOnly? on = null, int trancheNumber = 1, Guid? partner = null, string reference = "TRF-0001") =>
        client.PostJson(
            $"{scenario.Url}/transfers",
            new RecordOnwardTransferRequest(trancheNumber, partner ?? scenario.PartnerOrganisationId, amount, on, reference));

    public static async Task<OnwardTransferResponse> RecordedTransfer(this GrantHubFactory factory, GrantScenario scenario, decimal amount = PartnerShareOfTrancheOne) =>
        await (await scenario.LeadMember.Client.RecordTransfer(scenario, amount, factory.Today())).ReadAs<OnwardTransferResponse>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> Confirm(this HttpClient client, GrantScenario scenario, Guid transferId) =>
        client.PostJson($"{scenario.Url}/transfers/{transferId}/confirm");

    public static Task<HttpResponseMessage> Dispute(this HttpClient client, GrantScenario scenario, Guid transferId, string? reason) =>
        client.PostJson($"{scenario.Url}/transfers/{transferId}/dispute", new DisputeOnwardTransferRequest(reason));

    public static async Task<GrantOnwardTransfersResponse> Transfers(this HttpClient client, GrantScenario scenario, bool outstanding = false) =>
        await (await client.GetAsync($"{scenario.Url}/transfers{(outstanding ? "?outstanding=true" : "")}")).ReadAs<GrantOnwardTransfersResponse>();

    /// <summary>The notifications of one kind a user received about the grant (its page is the link), oldest first.</summary>
    public static Task<List<string>> NotificationsAbout(this GrantHubFactory factory, GrantScenario scenario, Guid userId, string kind) =>
        factory.WithDb(db => db.Notifications
            .Where(n => n.RecipientUserId == userId && n.Kind == kind && n.Link == $"/grants/{scenario.GrantId}")
            .OrderBy(n => n.CreatedAt)
            .Select(n => n.Body)
            .ToListAsync());
}
