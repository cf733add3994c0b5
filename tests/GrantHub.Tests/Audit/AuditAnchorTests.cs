using System.Net;
using GrantHub.Api.Features.Audit;
using GrantHub.Core.Auditing;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Audit;

/// <summary>A head kept outside GrantHub exposes entries removed from the end and a chain rewritten consistently.</summary>
public class AuditAnchorTests : IDisposable
{
    private readonly GrantHubFactory _factory = new();

    [Fact]
    public async Task The_head_names_the_newest_entry_its_hash_and_time()
    {
        await _factory.CreateFund();
        var admin = await _factory.Admin();

        var head = await (await admin.GetAsync("/api/audit/head")).ReadAs<AuditHeadResponse>();

        var newest = await _factory.WithDb(db => db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Equal(newest.Sequence, head.Sequence);
        Assert.Equal(newest.Hash, head.Hash);
        Assert.Equal(newest.OccurredAt, head.At);
    }

    [Fact]
    public async Task Removing_the_newest_entries_is_reported_against_an_anchor()
    {
        await CreateFunds(3);
        var admin = await _factory.Admin();
        var head = await (await admin.GetAsync("/api/audit/head")).ReadAs<AuditHeadResponse>();
        await _factory.WithDb(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM AuditEntries WHERE Sequence >= {head.Sequence - 1}"));

        var unanchored = await (await admin.GetAsync("/api/audit/verify")).ReadAs<AuditVerificationResponse>();
        var anchored = await (await admin.GetAsync($"/api/audit/verify?sequence={head.Sequence}&hash={head.Hash}")).ReadAs<AuditVerificationResponse>();

        Assert.True(unanchored.Intact, "without an anchor, a chain cut at its end looks whole");
        Assert.False(anchored.Intact);
        Assert.Equal(head.Sequence - 1, anchored.FirstBrokenSequence);
        Assert.Contains("removed", anchored.Problem);
    }

    [Fact]
    public async Task A_chain_rewritten_and_rehashed_from_an_anchored_entry_on_is_reported_as_a_fork()
    {
        await CreateFunds(3);
        var admin = await _factory.Admin();
        var head = await (await admin.GetAsync("/api/audit/head")).ReadAs<AuditHeadResponse>();
        var forkedAt = head.Sequence - 1;
        await RewriteChainFrom(forkedAt);

        var unanchored = await (await admin.GetAsync("/api/audit/verify")).ReadAs<AuditVerificationResponse>();
        var anchored = await (await admin.GetAsync($"/api/audit/verify?sequence={head.Sequence}&hash={head.Hash}")).ReadAs<AuditVerificationResponse>();

        Assert.True(unanchored.Intact, "a consistently rehashed chain verifies on its own");
        Assert.False(anchored.Intact);
        Assert.Equal(head.Sequence, anchored.FirstBrokenSequence);
        Assert.Contains("forks", anchored.Problem);
    }

    [Fact]
    public async Task An_untouched_chain_verifies_against_an_older_anchor()
    {
        await CreateFunds(1);
        var admin = await _factory.Admin();
        var head = await (await admin.GetAsync("/api/audit/head")).ReadAs<AuditHeadResponse>();
        await CreateFunds(2);

        var anchored = await (await admin.GetAsync($"/api/audit/verify?sequence={head.Sequence}&hash={head.Hash}")).ReadAs<AuditVerificationResponse>();

        Assert.True(anchored.Intact, anchored.Problem);
        Assert.Equal(head.Sequence + 2, anchored.EntriesChecked);
    }

    [Fact]
    public async Task An_anchor_needs_a_sequence_and_a_well_formed_hash()
    {
        var admin = await _factory.Admin();

        await (await admin.GetAsync($"/api/audit/verify?hash={AuditEntry.GenesisHash}")).ShouldBeInvalid("sequence");
        await (await admin.GetAsync("/api/audit/verify?sequence=1&hash=not-a-hash")).ShouldBeInvalid("hash");
    }

    [Fact]
    public async Task Only_admins_read_the_head()
    {
        var officer = await _factory.Officer();

        await (await officer.GetAsync("/api/audit/head")).ShouldBe(HttpStatusCode.Forbidden);
    }

    public void Dispose() => _factory.Dispose();

    private async Task CreateFunds(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _factory.CreateFund();
        }
    }

    /// <summary>What someone with write access to the database could do: alter an entry and rehash every entry after it.</summary>
    private Task RewriteChainFrom(long sequence) => _factory.WithDb(async db =>
    {
        var tail = await db.AuditEntries.Where(a => a.Sequence >= sequence).OrderBy(a => a.Sequence).ToListAsync();
        var previousHash = await db.AuditEntries.Where(a => a.Sequence == sequence - 1).Select(a => a.Hash).SingleAsync();
        db.AuditEntries.RemoveRange(tail);
        await db.SaveChangesAsync();
        foreach (var entry in tail)
        {
            var payload = entry.Sequence == sequence ? entry.Payload.Replace("Fund", "Fraud", StringComparison.Ordinal) : entry.Payload;
            var forged = new AuditEntry(entry.Sequence, entry.UserId, entry.UserEmail, entry.Command, entry.ObjectId, entry.OccurredAt, payload, previousHash);
            db.AuditEntries.Add(forged);
            previousHash = forged.Hash;
        }

        await db.SaveChangesAsync();
        return 0;
    });
}
