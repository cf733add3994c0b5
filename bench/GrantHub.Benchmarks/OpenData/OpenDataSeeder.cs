using GrantHub.Benchmarks.ReportReminders;
using GrantHub.Benchmarks.Seeding;
using GrantHub.Core.Calls;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static GrantHub.Benchmarks.Seeding.SqliteValues;

namespace GrantHub.Benchmarks.OpenData;

internal sealed record SeededOpenDataPortfolio(int Grants, int SensitiveOrganisations, long AwardedTotal);

/// <summary>
/// Seeds an awarded portfolio that satisfies every foreign key: one owner account; per grant a lead organisation (every
/// twentieth sensitive) with its owner membership, an Awarded application to the benchmark call, the Active grant, its
/// allocations (every tenth grant has the previous grant's lead as consortium partner) and a paid first tranche. Fund
/// and call go through the domain and EF; the bulk rows through prepared statements in one transaction.
/// </summary>
internal sealed class OpenDataSeeder(BenchmarkHost host)
{
    private const long GrantAmount = 90_000_00;

    public async Task<SeededOpenDataPortfolio> SeedAsync(int grants, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var ownerId = Guid.NewGuid();
        var (fundId, callId) = await FundAndCallAsync(ownerId, grants * GrantAmount, now);
        await using var connection = new SqliteConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        using (var insertUser = new BulkInsert(connection, transaction, "AspNetUsers", "Id", "DisplayName", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
            "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount"))
        {
            insertUser.Add(Text(ownerId), "Benchmark owner", "owner@bench.example.org", "OWNER@BENCH.EXAMPLE.ORG", "owner@bench.example.org",
                "OWNER@BENCH.EXAMPLE.ORG", 1, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), 0, 0, 1, 0);
        }

        using var insertOrganisation = new BulkInsert(connection, transaction, "Organisations",
            "Id", "Name", "Country", "Type", "RegistrationNumber", "WomenLed", "Sensitive", "DueDiligence", "CreatedAt", "Version");
        using var insertMember = new BulkInsert(connection, transaction, "OrganisationMembers", "OrganisationId", "UserId", "Role", "JoinedAt");
        using var insertApplication = new BulkInsert(connection, transaction, "Applications",
            "Id", "CallId", "LeadOrganisationId", "Title", "Summary", "Pillars", "Countries", "TargetGroups", "DurationMonths", "Status", "Currency",
            "RequestedTotal", "CreatedBy", "CreatedAt", "UpdatedAt", "SubmittedAt", "DecidedAt", "Version");
        using var insertGrant = new BulkInsert(connection, transaction, "Grants",
            "Id", "GrantNumber", "ApplicationId", "CallId", "FundId", "LeadOrganisationId", "Currency", "Amount",
            "StartDate", "EndDate", "Status", "AwardedBy", "AwardedAt", "ActivatedAt", "Version", "PaysMembersDirectly");
        using var insertAllocation = new BulkInsert(connection, transaction, "GrantAllocations", "GrantId", "OrganisationId", "Amount", "Currency");
        using var insertTranche = new BulkInsert(connection, transaction, "GrantTranches",
            "Id", "GrantId", "Number", "PlannedDate", "Amount", "Currency", "Condition", "Status", "ApprovalRound", "PaymentReference", "PaidOn", "RecordedBy", "RecordedAt");

        var countries = new[] { "NP", "BI", "CO", "UA", "SD", "AF", "MM", "PS" };
        var sensitive = 0;
        var previousLead = Guid.Empty;
        for (var number = 0; number < grants; number++)
        {
            var leadId = Guid.NewGuid();
            var isSensitive = number % 20 == 0;
            sensitive += isSensitive ? 1 : 0;
            var country = countries[number % countries.Length];
            var start = today.AddDays(-(number % 900));
            var awardedAt = new DateTimeOffset(start.AddDays(-30).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            insertOrganisation.Add(Text(leadId), $"Women's peace organisation {number + 1:D6}", country, nameof(OrganisationType.WomensRightsOrganisation),
                $"REG-{number + 1:D6}", 1, isSensitive ? 1 : 0, nameof(DueDiligenceStatus.Cleared), Instant(awardedAt), 1);
            insertMember.Add(Text(leadId), Text(ownerId), nameof(MembershipRole.Owner), Instant(awardedAt));

            var applicationId = Guid.NewGuid();
            insertApplication.Add(Text(applicationId), Text(callId), Text(leadId), $"Peacebuilding programme {number + 1:D6}",
                "Core support for women mediators, safe spaces and advocacy.", "[\"Participation\",\"Protection\"]", $"[\"{country}\"]",
                "[\"WomenHumanRightsDefenders\"]", 36, "Awarded", "EUR", GrantAmount, Text(ownerId), Instant(awardedAt), Instant(awardedAt),
                Instant(awardedAt), Instant(awardedAt), 1);

            var grantId = Guid.NewGuid();
            var period = GrantPeriod.FromDuration(start, 36);
            insertGrant.Add(Text(grantId), $"GB-{number + 1:D7}", Text(applicationId), Text(callId), Text(fundId), Text(leadId), "EUR", GrantAmount,
                Day(period.Start), Day(period.End), nameof(GrantStatus.Active), Text(ownerId), Instant(awardedAt), Instant(awardedAt.AddDays(10)), 1, false);
            var withPartner = number % 10 == 9;
            insertAllocation.Add(Text(grantId), Text(leadId), withPartner ? GrantAmount / 2 : GrantAmount, "EUR");
            if (withPartner)
            {
                insertAllocation.Add(Text(grantId), Text(previousLead), GrantAmount / 2, "EUR");
            }

            var tranche = GrantAmount / 3;
            for (var year = 1; year <= 3; year++)
            {
                var paid = year == 1;
                insertTranche.Add(Text(Guid.NewGuid()), Text(grantId), year, Day(period.YearStart(year)), year == 3 ? GrantAmount - (2 * tranche) : tranche, "EUR",
                    nameof(TrancheCondition.None), (paid ? TrancheStatus.Paid : TrancheStatus.Planned).ToString(), 1,
                    paid ? $"BANK-{number}" : null, paid ? Day(period.Start) : null, paid ? Text(ownerId) : null, paid ? Instant(awardedAt.AddDays(11)) : null);
            }

            previousLead = leadId;
        }

        await transaction.CommitAsync();
        return new SeededOpenDataPortfolio(grants, sensitive, grants * GrantAmount);
    }

    private async Task<(Guid FundId, Guid CallId)> FundAndCallAsync(Guid officer, long committed, DateTimeOffset now)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantHubDbContext>();
        var fund = new Fund("Benchmark core fund", FundKind.CoreFunding, Euros(committed), Euros(50_000_00), now.AddYears(-4));
        fund.Commit(Euros(committed));
        var call = new Call(
            new CallTerms(
                fund.Id, "Benchmark call", "Core funding for women peacebuilders.", [Pillar.Participation], ["NP"], Euros(50_000_00), Euros(300_000_00), 12, 36,
                now.AddYears(-4), now.AddYears(-3), ConsortiumRequired: false, 0, 3, [new RubricCriterion("Relevance", 100, 5)], 1),
            officer,
            now.AddYears(-4));
        call.Publish(now.AddYears(-4));
        call.Close(now.AddYears(-3));
        db.Funds.Add(fund);
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return (fund.Id, call.Id);
    }

}
