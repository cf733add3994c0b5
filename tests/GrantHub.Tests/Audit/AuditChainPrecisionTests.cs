using System.Net;
using GrantHub.Api.Features.Audit;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Funds;
using GrantHub.Core.Auditing;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Audit;

/// <summary>The chain must verify after the instants it hashes have been through the database and back.</summary>
public class AuditChainPrecisionTests
{
    [Fact]
    public async Task Real_commands_on_the_system_clock_leave_a_chain_that_verifies()
    {
        using var factory = GrantHubFactory.OnSystemClock();
        var fund = await factory.CreateFund();
        var admin = await factory.Admin();
        await (await admin.PostJson($"/api/funds/{fund.Id}/top-ups", new TopUpFundRequest(500m, "Second donor"))).ShouldBe(HttpStatusCode.OK);
        await factory.CreateOpenCall(TestData.CallInput(fund.Id, TimeProvider.System.GetUtcNow()));

        var verification = await (await admin.GetAsync("/api/audit/verify")).ReadAs<AuditVerificationResponse>();

        Assert.True(verification.Intact, verification.Problem);
        Assert.True(verification.EntriesChecked >= 4, $"only {verification.EntriesChecked} entries checked");
    }

    [Fact]
    public void An_entry_hashes_its_instant_truncated_to_the_tenth_of_a_millisecond_every_provider_keeps()
    {
        var instant = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        var entry = new AuditEntry(1, null, null, "Test", null, instant, "{}", AuditEntry.GenesisHash);

        Assert.Equal(new DateTimeOffset(2026, 5, 6, 5, 8, 9, TimeSpan.Zero).AddTicks(1_234_000), entry.OccurredAt);
        Assert.Equal(TimeSpan.Zero, entry.OccurredAt.Offset);
        Assert.Equal(entry.Hash, entry.ComputeHash());
    }

    [Fact]
    public async Task Instants_answered_when_a_record_is_created_are_the_instants_read_back_later()
    {
        using var factory = new GrantHubFactory();
        var fund = await factory.CreateFund();
        var input = TestData.CallInput(fund.Id, factory.Clock.GetUtcNow());
        var officer = await factory.Officer();

        var created = await (await officer.PostJson("/api/calls", input)).ReadAs<CallResponse>(HttpStatusCode.Created);
        var readBack = await (await officer.GetAsync($"/api/calls/{created.Id}")).ReadAs<CallResponse>();

        Assert.Equal(factory.StoredNow, created.CreatedAt);
        Assert.Equal(readBack.CreatedAt, created.CreatedAt);
        Assert.Equal(readBack.OpensAt, created.OpensAt);
        Assert.Equal(readBack.ClosesAt, created.ClosesAt);
        var admin = await factory.Admin();
        var storedFund = await (await admin.GetAsync($"/api/funds/{fund.Id}")).ReadAs<FundResponse>();
        Assert.Equal(storedFund.CreatedAt, fund.CreatedAt);
    }
}
