using GrantHub.Benchmarks.Seeding;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GrantHub.Benchmarks.Seeding.SqliteValues;

namespace GrantHub.Benchmarks.ReportReminders;

/// <summary>What was seeded.</summary>
internal sealed record SeededPortfolio(int Grants, int Reports, int Users, int OpenReportsInWindow, int ExpectedReminders);

/// <summary>
/// Seeds a portfolio of Active 36-month grants straight into the database with prepared statements in one
/// transaction: each grant has its own lead organisation (an owner and a member), one allocation and the real
/// reporting schedule (<see cref="GrantPeriod.ReportingSchedule"/>). Start dates are spread evenly over the last
/// three years, so every grant is in year 1, 2 or 3. Each grant comes from its own Awarded application to the call. A report whose due date has passed was accepted, except a
/// share of them still pending (overdue); later reports are pending. Ten programme officers award the grants in turn.
/// The fund and the call are made through the domain and EF, as the API would.
/// </summary>
internal sealed class GrantSeeder(BenchmarkHost host)
{
    private const int Officers = 10;
    private const int MembersPerOrganisation = 2;
    private const long GrantAmount = 90_000_00;

    public async Task<SeededPortfolio> SeedAsync(int grants, double overdueShare, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(20260302);
        await using var connection = new SqliteConnection(host.ConnectionString);
        await connection.OpenAsync();

        var officers = Enumerable.Range(1, Officers).Select(_ => Guid.NewGuid()).ToList();
        var users = 0;
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            using var insertUser = new BulkInsert(
                connection, transaction, "AspNetUsers", "Id", "DisplayName", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
            void AddUser(Guid id, string email, string displayName)
            {
                insertUser.Add(Text(id), displayName, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), 1, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), 0, 0, 1, 0);
                users++;
            }

            for (var number = 0; number < officers.Count; number++)
            {
                AddUser(officers[number], $"officer{number + 1}@bench.granthub.local", $"Programme officer {number + 1}");
            }

            await transaction.CommitAsync();
        }

        var (fundId, callId) = await FundAndCallAsync(officers[0], grants * GrantAmount, now);

        var reports = 0;
        var inWindow = 0;
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            using var insertUser = new BulkInsert(
                connection, transaction, "AspNetUsers", "Id", "DisplayName", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
            using var insertOrganisation = new BulkInsert(
                connection, transaction, "Organisations", "Id", "Name", "Country", "Type", "WomenLed", "Sensitive", "DueDiligence", "CreatedAt", "Version");
            using var insertMember = new BulkInsert(connection, transaction, "OrganisationMembers", "OrganisationId", "UserId", "Role", "JoinedAt");
            using var insertApplication = new BulkInsert(
                connection, transaction, "Applications", "Id", "CallId", "LeadOrganisationId", "Title", "Summary", "Pillars", "Countries", "TargetGroups",
                "Currency", "RequestedTotal", "DurationMonths", "Status", "CreatedBy", "CreatedAt", "UpdatedAt", "SubmittedAt", "DecidedAt", "Version");
            using var insertGrant = new BulkInsert(
                connection, transaction, "Grants", "Id", "GrantNumber", "ApplicationId", "CallId", "FundId", "LeadOrganisationId", "Currency", "Amount",
                "StartDate", "EndDate", "Status", "AwardedBy", "AwardedAt", "ActivatedAt", "Version", "PaysMembersDirectly");
            using var insertAllocation = new BulkInsert(connection, transaction, "GrantAllocations", "GrantId", "OrganisationId", "Amount", "Currency");
            using var insertReport = new BulkInsert(
                connection, transaction, "GrantReports", "Id", "GrantId", "Currency", "Kind", "PeriodYear", "DueOn", "Status", "SubmissionCount");

            var horizon = today.AddDays(30);
            for (var number = 0; number < grants; number++)
            {
                var organisationId = Guid.NewGuid();
                var start = today.AddDays(-random.Next(0, 3 * 365));
                var awardedAt = new DateTimeOffset(start.AddDays(-30).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                insertOrganisation.Add(
                    Text(organisationId), $"Women's peace organisation {number + 1:D6}", "NP", nameof(OrganisationType.WomensRightsOrganisation),
                    1, number % 20 == 0 ? 1 : 0, nameof(DueDiligenceStatus.Cleared), Instant(awardedAt), 1);
                var ownerId = Guid.Empty;
                for (var member = 0; member < MembersPerOrganisation; member++)
                {
                    var userId = Guid.NewGuid();
                    ownerId = member == 0 ? userId : ownerId;
                    var userNumber = (number * MembersPerOrganisation) + member + 1;
                    insertUser.Add(
                        Text(userId), $"Member {userNumber}", $"member{userNumber}@bench.example.org", $"MEMBER{userNumber}@BENCH.EXAMPLE.ORG",
                        $"member{userNumber}@bench.example.org", $"MEMBER{userNumber}@BENCH.EXAMPLE.ORG", 1, Guid.NewGuid().ToString("N"),
                        Guid.NewGuid().ToString(), 0, 0, 1, 0);
                    users++;
                    insertMember.Add(Text(organisationId), Text(userId), member == 0 ? nameof(MembershipRole.Owner) : nameof(MembershipRole.Member), Instant(awardedAt));
                }

                var applicationId = Guid.NewGuid();
                var submittedAt = Instant(awardedAt.AddDays(-60));
                insertApplication.Add(
                    Text(applicationId), Text(callId), Text(organisationId), $"Peacebuilding project {number + 1:D6}", "Women mediators in local peace committees.",
                    $"[\"{nameof(Pillar.Participation)}\"]", "[\"NP\"]", "[]", "EUR", GrantAmount, 36, nameof(ApplicationStatus.Awarded),
                    Text(ownerId), submittedAt, Instant(awardedAt), submittedAt, Instant(awardedAt), 1);

                var grantId = Guid.NewGuid();
                var period = GrantPeriod.FromDuration(start, 36);
                insertGrant.Add(
                    Text(grantId), $"GB-{number + 1:D7}", Text(applicationId), Text(callId), Text(fundId), Text(organisationId), "EUR", GrantAmount,
                    Day(period.Start), Day(period.End), nameof(GrantStatus.Active), Text(officers[number % Officers]), Instant(awardedAt),
                    Instant(awardedAt.AddDays(10)), 1, false);
                insertAllocation.Add(Text(grantId), Text(organisationId), GrantAmount, "EUR");

                foreach (var scheduled in period.ReportingSchedule())
                {
                    var status = scheduled.DueOn < today && random.NextDouble() >= overdueShare ? ReportStatus.Accepted : ReportStatus.Pending;
                    insertReport.Add(
                        Text(Guid.NewGuid()), Text(grantId), "EUR", scheduled.Kind.ToString(), scheduled.PeriodYear, Day(scheduled.DueOn), status.ToString(),
                        status == ReportStatus.Accepted ? 1 : 0);
                    reports++;
                    if (status == ReportStatus.Pending && scheduled.DueOn <= horizon)
                    {
                        inWindow++;
                    }
                }
            }

            await transaction.CommitAsync();
        }

        return new SeededPortfolio(grants, reports, users, inWindow, inWindow * (MembersPerOrganisation + 1));
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
