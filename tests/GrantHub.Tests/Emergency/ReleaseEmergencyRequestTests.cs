using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Emergency;

public class ReleaseEmergencyRequestTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string Reason = "The bank returned the transfer: the account was closed and the organisation cannot be reached.";

    [Fact]
    public async Task Releasing_an_approved_request_gives_exactly_its_amount_back_to_the_fund()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 50_000m, approvalThreshold: 10_000m);
        var finance = await factory.Finance();
        var kept = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_000m));
        var released = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 2_500.50m));
        await (await finance.Approve(kept.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Approve(released.Id)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3_500.50m, (await factory.GetFund(fund.Id)).Committed);
        factory.Clock.Advance(TimeSpan.FromDays(2));

        var response = await (await finance.Release(released.Id, $"  {Reason} ")).ReadAs<EmergencyRequestResponse>();

        Assert.Equal(EmergencyRequestStatus.Released, response.Status);
        Assert.Equal(Reason, response.ReleaseReason);
        Assert.Equal(factory.StoredNow, response.ReleasedAt);
        Assert.Equal(await factory.UserId("finance@granthub.local"), response.ReleasedBy);
        var after = await factory.GetFund(fund.Id);
        Assert.Equal(1_000m, after.Committed);
        Assert.Equal(0m, after.Disbursed);
        Assert.Equal(49_000m, after.Available);
        await (await finance.Pay(kept.Id, factory.Today())).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(released.Id, factory.Today())).ShouldBreakRule("emergency-not-approved");
    }

    [Fact]
    public async Task A_paid_request_cannot_be_released()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_000m));
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(request.Id, factory.Today())).ShouldBe(HttpStatusCode.OK);

        await (await finance.Release(request.Id, Reason)).ShouldBreakRule("payment-already-recorded");

        var after = await factory.GetFund(fund.Id);
        Assert.Equal(1_000m, after.Committed);
        Assert.Equal(1_000m, after.Disbursed);
        Assert.Equal(EmergencyRequestStatus.Paid, (await (await finance.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadAs<EmergencyRequestResponse>()).Status);
    }

    [Fact]
    public async Task Only_an_approved_request_can_be_released_and_only_once()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var pending = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 100m));
        var rejected = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 100m));
        var released = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 100m));
        await (await finance.Reject(rejected.Id, "Covered by another donor.")).ShouldBe(HttpStatusCode.OK);
        await (await finance.Approve(released.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Release(released.Id, Reason)).ShouldBe(HttpStatusCode.OK);

        await (await finance.Release(pending.Id, Reason)).ShouldBreakRule("emergency-not-approved");
        await (await finance.Release(rejected.Id, Reason)).ShouldBreakRule("emergency-not-approved");
        await (await finance.Release(released.Id, Reason)).ShouldBreakRule("emergency-not-approved");
        Assert.Equal(0m, (await factory.GetFund(fund.Id)).Committed);
    }

    [Fact]
    public async Task Released_money_stops_counting_toward_the_organisations_twelve_month_limit()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(approvalThreshold: 50_000m);
        var finance = await factory.Finance();
        var first = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 15_000m));
        var second = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 10_000m));
        await (await finance.Approve(first.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Approve(second.Id)).ShouldBreakRule("organisation-limit-exceeded");

        await (await finance.Release(first.Id, Reason)).ShouldBe(HttpStatusCode.OK);

        await (await finance.Approve(second.Id)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(10_000m, (await factory.GetFund(fund.Id)).Committed);
    }

    [Fact]
    public async Task The_organisation_and_the_entering_officer_are_told_and_read_the_reason()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await (await factory.Officer()).Submit(factory.Body(member.OrganisationId, fund.Id, amount: 500m));
        var finance = await factory.Finance();
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        await (await finance.Release(request.Id, Reason)).ShouldBe(HttpStatusCode.OK);

        var notified = await factory.WithDb(db => db.Notifications
            .Where(n => n.DeduplicationKey.StartsWith($"emergency-released:{request.Id}:"))
            .Select(n => new { n.RecipientUserId, n.Subject, n.Body })
            .ToListAsync());
        Assert.Equal(
            new[] { member.UserId, await factory.UserId("officer@granthub.local") }.Order(),
            notified.Select(n => n.RecipientUserId).Order());
        Assert.All(notified, n => Assert.DoesNotContain(Reason, n.Subject + n.Body));
        var seen = await (await member.Client.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadAs<EmergencyRequestResponse>();
        Assert.Equal(EmergencyRequestStatus.Released, seen.Status);
        Assert.Equal(Reason, seen.ReleaseReason);
    }

    [Fact]
    public async Task A_finance_officer_who_entered_the_request_may_release_it_and_is_recorded()
    {
        // Maker-checker does not stop a release; being a member of the organisation would (related party).
        var member = await factory.NewOrganisationMember();
        var (officerAndFinance, officerId) = await factory.NewStaff(Roles.ProgrammeOfficer, Roles.FinanceOfficer);
        var fund = await factory.CreateRapidResponseFund();
        var request = await officerAndFinance.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 300m));
        await (await (await factory.Finance()).Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        var released = await (await officerAndFinance.Release(request.Id, Reason)).ReadAs<EmergencyRequestResponse>();

        Assert.Equal(officerId, released.ReleasedBy);
        Assert.Equal(0m, (await factory.GetFund(fund.Id)).Committed);
    }

    [Fact]
    public async Task Only_finance_officers_release()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 700m));
        await (await (await factory.Finance()).Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        foreach (var notFinance in new[] { member.Client, await factory.Officer(), await factory.Admin(), await factory.Reviewer() })
        {
            await (await notFinance.Release(request.Id, Reason)).ShouldBe(HttpStatusCode.Forbidden);
        }

        await (await factory.CreateClient().Release(request.Id, Reason)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(700m, (await factory.GetFund(fund.Id)).Committed);
    }

    [Fact]
    public async Task An_absent_request_is_404()
    {
        await (await (await factory.Finance()).Release(Guid.NewGuid(), Reason)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_release_needs_a_reason(string? reason)
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 100m));
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        await (await finance.PostJson($"{EmergencyTestData.Url}/{request.Id}/release", new { reason })).ShouldBeInvalid("reason");
        await (await finance.Release(request.Id, new string('x', EmergencyRequest.MaxReasonLength + 1))).ShouldBeInvalid("reason");
        Assert.Equal(EmergencyRequestStatus.Approved, (await (await finance.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadAs<EmergencyRequestResponse>()).Status);
    }

    [Fact]
    public async Task The_reason_never_reaches_the_audit_trail_but_who_released_does()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 100m));
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        var reason = $"Organisation unreachable since the raid on {Guid.NewGuid():N}";

        await (await finance.Release(request.Id, reason)).ShouldBe(HttpStatusCode.OK);

        var audit = await (await (await factory.Admin()).GetAsync($"/api/audit?objectId={request.Id}")).ReadJson();
        var entry = audit.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("command").GetString() == "ReleaseEmergencyRequest");
        Assert.Equal(AuditPayload.Redacted, entry.GetProperty("payload").GetProperty("reason").GetString());
        Assert.Equal(await factory.UserId("finance@granthub.local"), entry.GetProperty("userId").GetGuid());
        Assert.False(await factory.WithDb(db => db.AuditEntries.AnyAsync(a => a.Payload.Contains(reason))));
    }
}
