using System.Net;
using GrantHub.Api.Features.Audit;
using GrantHub.Api.Features.Funds;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Common;
using GrantHub.Core.Funds;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Audit;

public class AuditTrailTests : IDisposable
{
    private readonly GrantHubFactory _factory = new();

    [Fact]
    public async Task Every_successful_command_is_audited_with_user_object_and_time()
    {
        var fund = await _factory.CreateFund();
        var admin = await _factory.Admin();

        var page = await (await admin.GetAsync($"/api/audit?objectId={fund.Id}")).ReadAs<PagedResponse<AuditEntryResponse>>();

        var entry = Assert.Single(page.Items);
        Assert.Equal("CreateFund", entry.Command);
        Assert.Equal("admin@granthub.local", entry.UserEmail);
        Assert.Equal(_factory.StoredNow, entry.OccurredAt);
        Assert.Equal(fund.Name, entry.Payload.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Failed_command_leaves_no_audit_entry_and_no_change()
    {
        var admin = await _factory.Admin();
        var before = await _factory.WithDb(db => db.AuditEntries.CountAsync());

        await (await admin.PostJson("/api/funds", new CreateFundCommand("", FundKind.CoreFunding, "EUR", 1m, 0m))).ShouldBe(HttpStatusCode.BadRequest);
        await (await admin.PostJson($"/api/funds/{Guid.NewGuid()}/top-ups", new TopUpFundRequest(1m, null))).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal(before, await _factory.WithDb(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Passwords_never_reach_the_audit_payload()
    {
        var admin = await _factory.Admin();
        const string password = "Very#Secret#Passphrase1";

        var user = await (await admin.PostJson("/api/users", new CreateStaffUserCommand($"new-{Guid.NewGuid():N}@granthub.local", password, "New Reviewer", [Roles.Reviewer])))
            .ReadAs<StaffUserResponse>(HttpStatusCode.Created);

        var payload = await _factory.WithDb(db => db.AuditEntries.Where(a => a.ObjectId == user.Id).Select(a => a.Payload).SingleAsync());
        Assert.DoesNotContain(password, payload);
        Assert.Contains(AuditPayload.Redacted, payload);
    }

    [Fact]
    public async Task Concurrent_commands_extend_one_unbroken_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _factory.CreateFund()));
        var admin = await _factory.Admin();

        var verification = await (await admin.GetAsync("/api/audit/verify")).ReadAs<AuditVerificationResponse>();

        Assert.True(verification.Intact, verification.Problem);
        Assert.True(verification.EntriesChecked >= 12);
        var sequences = await _factory.WithDb(db => db.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task Verification_reports_the_first_entry_altered_directly_in_the_database()
    {
        for (var i = 0; i < 3; i++)
        {
            await _factory.CreateFund();
        }

        var target = await _factory.WithDb(db => db.AuditEntries.OrderBy(a => a.Sequence).Skip(1).Select(a => a.Sequence).FirstAsync());
        await _factory.WithDb(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE AuditEntries SET Payload = REPLACE(Payload, 'Fund', 'Fraud') WHERE Sequence = {target}"));
        var admin = await _factory.Admin();

        var verification = await (await admin.GetAsync("/api/audit/verify")).ReadAs<AuditVerificationResponse>();

        Assert.False(verification.Intact);
        Assert.Equal(target, verification.FirstBrokenSequence);
        Assert.Equal(target - 1, verification.EntriesChecked);
    }

    [Fact]
    public async Task Verification_reports_a_deleted_entry()
    {
        for (var i = 0; i < 3; i++)
        {
            await _factory.CreateFund();
        }

        await _factory.WithDb(db => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 2"));
        var admin = await _factory.Admin();

        var verification = await (await admin.GetAsync("/api/audit/verify")).ReadAs<AuditVerificationResponse>();

        Assert.False(verification.Intact);
        Assert.Equal(3, verification.FirstBrokenSequence);
    }

    [Fact]
    public async Task Only_admins_read_the_audit_trail()
    {
        var officer = await _factory.Officer();

        await (await officer.GetAsync("/api/audit")).ShouldBe(HttpStatusCode.Forbidden);
        await (await officer.GetAsync("/api/audit/verify")).ShouldBe(HttpStatusCode.Forbidden);
    }

    public void Dispose() => _factory.Dispose();
}
