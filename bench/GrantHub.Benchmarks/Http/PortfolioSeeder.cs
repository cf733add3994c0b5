using GrantHub.Benchmarks.ReportReminders;
using GrantHub.Benchmarks.Seeding;
using GrantHub.Api.Features.Auth;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using GrantHub.Core.Identity;
using GrantHub.Core.Notifications;
using GrantHub.Core.Organisations;
using GrantHub.Core.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static GrantHub.Benchmarks.Seeding.SqliteValues;

namespace GrantHub.Benchmarks.Http;

/// <summary>How big a portfolio to seed; <see cref="Full"/> is issue 18's, <see cref="Scaled"/> shrinks every count alike.</summary>
internal sealed record PortfolioSize(int Organisations, int Calls, int Applications, int Grants, int EmergencyRequests, int RankedApplications)
{
    public static readonly PortfolioSize Full = new(5_000, 200, 100_000, 30_000, 10_000, 2_000);

    /// <summary>Every count shrunk alike, with enough organisations that no call needs one to lead twice.</summary>
    public static PortfolioSize Scaled(double scale)
    {
        var calls = Math.Max(3, (int)(Full.Calls * scale));
        var applications = Math.Max(300, (int)(Full.Applications * scale));
        var ranked = Math.Max(40, (int)(Full.RankedApplications * scale));
        var organisations = Math.Max((int)(Full.Organisations * scale), Math.Max(ranked, (applications - ranked) / (calls - 1)) + 2);
        return new(organisations, calls, applications, Math.Max(60, (int)(Full.Grants * scale)), Math.Max(60, (int)(Full.EmergencyRequests * scale)), ranked);
    }
}

/// <summary>The accounts that sign in and the objects the HTTP benchmark reads.</summary>
internal sealed record SeededHttpPortfolio(
    PortfolioSize Size,
    int Notifications,
    string Password,
    string OfficerEmail,
    string FinanceEmail,
    string LeadEmail,
    Guid RankedCallId,
    Guid BusyCallId,
    Guid ApplicationId,
    Guid GrantId,
    Guid OrganisationId,
    Guid EmergencyRequestId,
    Guid FundId);

/// <summary>
/// Seeds a realistic portfolio through the real migrations: organisations with two members each, closed calls with
/// their applications (lead only, or lead and a confirmed partner; budget lines per member per year), awarded ones
/// become Active grants with an allocation per member, three tranches and their reporting
/// schedule (a tranche planned more than a fortnight ago is approved and paid), emergency requests in every state with their approvals, and notifications. One call holds the applications
/// ranked by the benchmark, each with a submitted review. Funds, calls and the accounts that sign in are made through the
/// domain, EF and Identity, as the API would; the bulk goes in with prepared statements in one transaction.
/// </summary>
internal sealed class PortfolioSeeder(BenchmarkHost host)
{
    public const string Password = "Bench#2026password";

    /// <summary>The officer and finance officer act only after signing in with a second factor: this is their app's key.</summary>
    public const string StaffAuthenticatorKey = "GRANTHUBBENCHSTAFFAUTHENTICATORK";
    private const string OfficerEmail = "officer@bench.granthub.local";
    private const string FinanceEmail = "finance@bench.granthub.local";
    private const int DurationMonths = 24;
    private const long YearlyAmount = 40_000_00;
    private const long GrantAmount = DurationMonths / 12 * YearlyAmount;
    private static readonly string[] Countries = ["NP", "CO", "CD", "UA", "SS", "AF", "MM", "YE", "ML", "PH", "GT", "LB"];
    private static readonly Pillar[] Pillars = Enum.GetValues<Pillar>();

    public async Task<SeededHttpPortfolio> SeedAsync(PortfolioSize size, DateTimeOffset now)
    {
        var random = new Random(20261202);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await AdminBootstrap.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        }

        var officer = await CreateAccountAsync(OfficerEmail, "Benchmark officer", Roles.ProgrammeOfficer);
        var finance = await CreateAccountAsync(FinanceEmail, "Benchmark finance officer", Roles.FinanceOfficer);
        var reviewer = await CreateAccountAsync("reviewer@bench.granthub.local", "Benchmark reviewer", Roles.Reviewer);
        var leadUser = await CreateAccountAsync("lead@bench.example.org", "Benchmark lead", role: null);
        var (coreFund, rapidFund, calls) = await FundsAndCallsAsync(officer, size, now);

        await using var connection = new SqliteConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var rows = new Rows(connection, transaction);

        var organisations = new Guid[size.Organisations];
        var owners = new Guid[size.Organisations];
        for (var number = 0; number < size.Organisations; number++)
        {
            organisations[number] = Guid.NewGuid();
            var joined = Instant(now.AddYears(-5));
            rows.Organisation.Add(
                Text(organisations[number]), $"Women's organisation {number + 1:D5}", Countries[number % Countries.Length],
                nameof(OrganisationType.WomensRightsOrganisation), 1, number % 20 == 0 ? 1 : 0, nameof(DueDiligenceStatus.Cleared), joined, 1);
            for (var member = 0; member < 2; member++)
            {
                var userId = number == 0 && member == 0 ? leadUser : Guid.NewGuid();
                if (userId != leadUser)
                {
                    var email = $"member{(number * 2) + member + 1}@bench.example.org";
                    rows.User.Add(Text(userId), $"Member {(number * 2) + member + 1}", email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), 1,
                        Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), 0, 0, 1, 0);
                }

                owners[number] = member == 0 ? userId : owners[number];
                rows.Member.Add(Text(organisations[number]), Text(userId), member == 0 ? nameof(MembershipRole.Owner) : nameof(MembershipRole.Member), joined);
            }
        }

        // The ranked call takes its share first; the other applications are spread over the other calls. Within a call
        // each lead organisation applies once (the unique index), so a call never holds more applications than there are
        // organisations.
        var perCall = SpreadOver(size.Applications - size.RankedApplications, calls.Count - 1);
        var awardEvery = Math.Max(1, (size.Applications - size.RankedApplications) / size.Grants);
        var grants = 0;
        var applications = 0;
        var firstApplication = Guid.Empty;
        var firstGrant = Guid.Empty;
        for (var callIndex = 0; callIndex < calls.Count; callIndex++)
        {
            var count = callIndex == 0 ? size.RankedApplications : perCall[callIndex - 1];
            for (var k = 0; k < count; k++)
            {
                applications++;
                var lead = ((callIndex * 37) + k) % size.Organisations;
                var partner = k % 5 == 0 ? (lead + 1) % size.Organisations : -1;
                var ranked = callIndex == 0;
                var awarded = !ranked && grants < size.Grants && k % awardEvery == 0;
                var status = ranked ? ApplicationStatus.UnderReview
                    : awarded ? ApplicationStatus.Awarded
                    : (k % 10) switch { 0 => ApplicationStatus.Draft, 1 => ApplicationStatus.Withdrawn, < 6 => ApplicationStatus.Rejected, _ => ApplicationStatus.Submitted };
                var applicationId = AddApplication(rows, random, calls[callIndex], organisations[lead], owners[lead], partner < 0 ? null : organisations[partner], status, now);
                firstApplication = firstApplication == Guid.Empty && status == ApplicationStatus.Awarded ? applicationId : firstApplication;
                if (ranked)
                {
                    AddSubmittedReview(rows, random, applicationId, calls[callIndex], reviewer, officer, now);
                }

                if (awarded)
                {
                    var grantId = AddActiveGrant(rows, applicationId, calls[callIndex], coreFund, organisations[lead], partner < 0 ? null : organisations[partner], officer, finance, ++grants, now);
                    firstGrant = firstGrant == Guid.Empty ? grantId : firstGrant;
                }
            }
        }

        var firstEmergency = AddEmergencyRequests(rows, size.EmergencyRequests, rapidFund, organisations, owners, finance, now);
        var notifications = AddNotifications(rows, owners, leadUser, now);
        await transaction.CommitAsync();

        await AlignFundsAsync(coreFund, rapidFund, connection);
        return new SeededHttpPortfolio(
            size with { Applications = applications, Grants = grants }, notifications, Password, OfficerEmail, FinanceEmail, "lead@bench.example.org",
            calls[0], calls[1], firstApplication, firstGrant, organisations[0], firstEmergency, coreFund);
    }

    private static int[] SpreadOver(int total, int buckets) =>
        [.. Enumerable.Range(0, buckets).Select(bucket => (total / buckets) + (bucket < total % buckets ? 1 : 0))];

    private static Guid AddApplication(Rows rows, Random random, Guid callId, Guid lead, Guid owner, Guid? partner, ApplicationStatus status, DateTimeOffset now)
    {
        var id = Guid.NewGuid();
        var created = now.AddDays(-random.Next(200, 900));
        var submitted = status is ApplicationStatus.Draft ? (long?)null : Instant(created.AddDays(20));
        var decided = status is ApplicationStatus.Awarded or ApplicationStatus.Rejected ? Instant(created.AddDays(90)) : (long?)null;
        var pillar = Pillars[random.Next(Pillars.Length)];
        var country = Countries[random.Next(Countries.Length)];
        rows.Application.Add(
            Text(id), Text(callId), Text(lead), $"Women in peace processes {id.ToString()[..8]}", "Women mediators in local peace committees.",
            $"[\"{pillar}\"]", $"[\"{country}\"]", $"[\"{(random.Next(2) == 0 ? TargetGroup.RuralWomen : TargetGroup.YoungWomen)}\"]", "EUR", GrantAmount,
            DurationMonths, status.ToString(), Text(owner), Instant(created), Instant(created.AddDays(20)), submitted,
            status == ApplicationStatus.Withdrawn ? Instant(created.AddDays(30)) : null, decided, 1);
        var members = partner is { } partnerId ? new[] { lead, partnerId } : [lead];
        foreach (var member in members)
        {
            var isLead = member == lead;
            rows.ApplicationMember.Add(Text(id), Text(member), (isLead ? ConsortiumRole.Lead : ConsortiumRole.Partner).ToString(),
                nameof(ConsortiumMemberStatus.Confirmed), Instant(created), Instant(created.AddDays(2)));
            for (var year = 1; year <= DurationMonths / 12; year++)
            {
                rows.BudgetLine.Add(Text(Guid.NewGuid()), Text(id), Text(member), year, YearlyAmount / members.Length, "EUR");
            }
        }

        return id;
    }

    private static void AddSubmittedReview(Rows rows, Random random, Guid applicationId, Guid callId, Guid reviewer, Guid officer, DateTimeOffset now)
    {
        var score = random.Next(1, 6);
        rows.Review.Add(Text(Guid.NewGuid()), Text(applicationId), Text(callId), Text(reviewer), Text(officer), Instant(now.AddDays(-20)), Instant(now.AddDays(10)),
            nameof(ReviewStatus.Submitted), 0, Instant(now.AddDays(-19)), "Clear theory of change.", score * 20.0, Instant(now.AddDays(-18)),
            Instant(now.AddDays(-18)), 1, $"[{{\"Criterion\":\"Relevance\",\"Score\":{score}}}]");
    }

    private static Guid AddActiveGrant(
        Rows rows, Guid applicationId, Guid callId, Guid fundId, Guid lead, Guid? partner, Guid officer, Guid finance, int number, DateTimeOffset now)
    {
        var id = Guid.NewGuid();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var start = today.AddDays(-(number % 700));
        var period = GrantPeriod.FromDuration(start, DurationMonths);
        var awardedAt = new DateTimeOffset(start.AddDays(-20).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        rows.Grant.Add(Text(id), $"GB-{number:D7}", Text(applicationId), Text(callId), Text(fundId), Text(lead), "EUR", GrantAmount, Day(period.Start),
            Day(period.End), nameof(GrantStatus.Active), Text(officer), Instant(awardedAt), Instant(awardedAt.AddDays(10)), 1, false);
        var members = partner is { } partnerId ? new[] { lead, partnerId } : [lead];
        foreach (var member in members)
        {
            rows.Allocation.Add(Text(id), Text(member), GrantAmount / members.Length, "EUR");
        }

        for (var tranche = 1; tranche <= 3; tranche++)
        {
            var trancheId = Guid.NewGuid();
            var planned = start.AddMonths((tranche - 1) * 8);
            // Finance pays what falls due within days; the tranches of the last fortnight still wait in the queue.
            var paid = planned < today.AddDays(-14);
            var paidAt = new DateTimeOffset(planned.AddDays(3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rows.Tranche.Add(Text(trancheId), Text(id), tranche, Day(planned), GrantAmount / 3, nameof(TrancheCondition.None),
                (paid ? TrancheStatus.Paid : TrancheStatus.Planned).ToString(), 1, paid ? $"PAY-{number:D7}-{tranche}" : null,
                paid ? Day(planned.AddDays(3)) : null, paid ? Text(finance) : null, paid ? Instant(paidAt) : null, "EUR");
            if (paid)
            {
                rows.TrancheApproval.Add(Text(Guid.NewGuid()), Text(trancheId), 1, Text(finance), nameof(ApprovalDecision.Approve), "Bank details checked.",
                    Instant(paidAt.AddHours(-4)));
            }
        }

        foreach (var scheduled in period.ReportingSchedule())
        {
            var accepted = scheduled.DueOn < today;
            rows.Report.Add(Text(Guid.NewGuid()), Text(id), "EUR", scheduled.Kind.ToString(), scheduled.PeriodYear, Day(scheduled.DueOn),
                (accepted ? ReportStatus.Accepted : ReportStatus.Pending).ToString(), accepted ? 1 : 0);
        }

        return id;
    }

    private static Guid AddEmergencyRequests(Rows rows, int count, Guid fundId, Guid[] organisations, Guid[] owners, Guid finance, DateTimeOffset now)
    {
        var first = Guid.Empty;
        var categories = Enum.GetValues<EmergencyCategory>();
        for (var number = 0; number < count; number++)
        {
            var id = Guid.NewGuid();
            first = first == Guid.Empty ? id : first;
            var organisation = number % organisations.Length;
            // The newest fifty wait for a decision (the approvals queue); the rest were decided, most of them paid.
            var waiting = number >= count - 50;
            var submitted = waiting ? now.AddHours(-(count - number)) : now.AddDays(-(count - number) % 700 - 3);
            var status = waiting ? EmergencyRequestStatus.Submitted : (number % 10) switch
            {
                0 => EmergencyRequestStatus.Rejected,
                1 => EmergencyRequestStatus.Cancelled,
                _ => EmergencyRequestStatus.Paid,
            };
            var decided = status is EmergencyRequestStatus.Paid or EmergencyRequestStatus.Rejected ? Instant(submitted.AddHours(30)) : (long?)null;
            var paid = status == EmergencyRequestStatus.Paid;
            rows.Emergency.Add(Text(id), Text(organisations[organisation]), Text(fundId), 2_500_00, "EUR", categories[number % categories.Length].ToString(),
                "Relocation of two defenders after threats.", Day(DateOnly.FromDateTime(submitted.UtcDateTime).AddDays(5)), status.ToString(),
                Text(owners[organisation]), Instant(submitted), Instant(submitted.AddHours(72)), decided,
                status == EmergencyRequestStatus.Cancelled ? Instant(submitted.AddHours(2)) : null,
                status == EmergencyRequestStatus.Rejected ? "Outside the fund's purpose." : null, paid ? $"EM-{number:D6}" : null,
                paid ? Day(DateOnly.FromDateTime(submitted.UtcDateTime).AddDays(2)) : null, paid ? Text(finance) : null,
                paid ? Instant(submitted.AddHours(40)) : null, 1);
            if (decided is not null)
            {
                rows.EmergencyApproval.Add(Text(Guid.NewGuid()), Text(id), Text(finance),
                    (paid ? ApprovalDecision.Approve : ApprovalDecision.Reject).ToString(), null, decided);
            }
        }

        return first;
    }

    /// <summary>A year of notifications for the benchmark's lead (a long list to page), and one for every other owner.</summary>
    private static int AddNotifications(Rows rows, Guid[] owners, Guid leadUser, DateTimeOffset now)
    {
        var count = 0;
        void Add(Guid recipient, int number, DateTimeOffset at)
        {
            rows.Notification.Add(Text(Guid.NewGuid()), Text(recipient), "ReportReminder", "A report is due in 30 days",
                "Your annual report is due in 30 days.", "/grants", $"bench:{Text(recipient)}:{number}", Instant(at), number % 3 == 0 ? null : Instant(at.AddHours(5)),
                nameof(EmailDelivery.NotRequired), 0);
            count++;
        }

        for (var number = 0; number < 1_000; number++)
        {
            Add(leadUser, number, now.AddHours(-number * 8));
        }

        foreach (var owner in owners.Where(owner => owner != leadUser))
        {
            Add(owner, 0, now.AddDays(-3));
        }

        return count;
    }

    private async Task<Guid> CreateAccountAsync(string email, string displayName, string? role)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Require(await users.CreateAsync(user, Password));
        if (role is not null)
        {
            Require(await users.AddToRoleAsync(user, role));
        }

        if (role is not null && SecondFactor.IsRequiredFor([role]))
        {
            var keys = (IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
            await keys.SetAuthenticatorKeyAsync(user, StaffAuthenticatorKey, CancellationToken.None);
            Require(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return user.Id;
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(error => error.Description)));
        }
    }

    private async Task<(Guid CoreFund, Guid RapidFund, List<Guid> Calls)> FundsAndCallsAsync(Guid officer, PortfolioSize size, DateTimeOffset now)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantHubDbContext>();
        var core = new Fund("Benchmark core fund", FundKind.CoreFunding, Euros(GrantAmount * size.Grants * 2), Euros(50_000_00), now.AddYears(-6));
        var rapid = new Fund("Benchmark rapid response fund", FundKind.RapidResponse, Euros(2_500_00L * size.EmergencyRequests * 2), Euros(5_000_00), now.AddYears(-6));
        db.Funds.AddRange(core, rapid);
        var calls = new List<Guid>();
        for (var number = 0; number < size.Calls; number++)
        {
            var opens = now.AddYears(-4).AddDays(number);
            var call = new Call(
                new CallTerms(
                    core.Id, $"Core funding round {number + 1:D3}", "Multi-year core support for women peacebuilders.", Pillars, Countries,
                    Euros(10_000_00), Euros(300_000_00), 12, 36, opens, opens.AddDays(60), ConsortiumRequired: false, 0, 3,
                    [new RubricCriterion("Relevance", 100, 5)], 1),
                officer,
                opens.AddDays(-10));
            call.Publish(opens);
            call.Close(opens.AddDays(60));
            db.Calls.Add(call);
            calls.Add(call.Id);
        }

        await db.SaveChangesAsync();
        return (core.Id, rapid.Id, calls);
    }

    /// <summary>The funds' committed and disbursed totals agree with the seeded grants, tranches and emergency payments.</summary>
    private static async Task AlignFundsAsync(Guid coreFund, Guid rapidFund, SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE "Funds" SET "Committed" = (SELECT COALESCE(SUM("Amount"), 0) FROM "Grants" WHERE "FundId" = $core),
                "Disbursed" = (SELECT COALESCE(SUM(t."Amount"), 0) FROM "GrantTranches" t JOIN "Grants" g ON g."Id" = t."GrantId"
                               WHERE g."FundId" = $core AND t."Status" = 'Paid')
            WHERE "Id" = $core;
            UPDATE "Funds" SET "Committed" = (SELECT COALESCE(SUM("Amount"), 0) FROM "EmergencyRequests" WHERE "FundId" = $rapid AND "Status" = 'Paid'),
                "Disbursed" = (SELECT COALESCE(SUM("Amount"), 0) FROM "EmergencyRequests" WHERE "FundId" = $rapid AND "Status" = 'Paid')
            WHERE "Id" = $rapid;
            """;
        command.Parameters.AddWithValue("$core", Text(coreFund));
        command.Parameters.AddWithValue("$rapid", Text(rapidFund));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The prepared inserts of one seeding transaction.</summary>
    private sealed class Rows(SqliteConnection connection, SqliteTransaction transaction)
    {
        public readonly BulkInsert User = new(connection, transaction, "AspNetUsers", "Id", "DisplayName", "UserName", "NormalizedUserName", "Email",
            "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");

        public readonly BulkInsert Organisation = new(connection, transaction, "Organisations", "Id", "Name", "Country", "Type", "WomenLed", "Sensitive",
            "DueDiligence", "CreatedAt", "Version");

        public readonly BulkInsert Member = new(connection, transaction, "OrganisationMembers", "OrganisationId", "UserId", "Role", "JoinedAt");

        public readonly BulkInsert Application = new(connection, transaction, "Applications", "Id", "CallId", "LeadOrganisationId", "Title", "Summary",
            "Pillars", "Countries", "TargetGroups", "Currency", "RequestedTotal", "DurationMonths", "Status", "CreatedBy", "CreatedAt", "UpdatedAt",
            "SubmittedAt", "WithdrawnAt", "DecidedAt", "Version");

        public readonly BulkInsert ApplicationMember = new(connection, transaction, "ApplicationMembers", "ApplicationId", "OrganisationId", "Role",
            "Status", "InvitedAt", "RespondedAt");

        public readonly BulkInsert BudgetLine = new(connection, transaction, "ApplicationBudgetLines", "Id", "ApplicationId", "OrganisationId", "Year",
            "Amount", "Currency");

        public readonly BulkInsert Review = new(connection, transaction, "ReviewAssignments", "Id", "ApplicationId", "CallId", "ReviewerUserId",
            "AssignedBy", "AssignedAt", "DueAt", "Status", "HasConflict", "DeclaredAt", "Comment", "WeightedScore", "UpdatedAt", "SubmittedAt", "Version", "Scores");

        public readonly BulkInsert Grant = new(connection, transaction, "Grants", "Id", "GrantNumber", "ApplicationId", "CallId", "FundId",
            "LeadOrganisationId", "Currency", "Amount", "StartDate", "EndDate", "Status", "AwardedBy", "AwardedAt", "ActivatedAt", "Version", "PaysMembersDirectly");

        public readonly BulkInsert Allocation = new(connection, transaction, "GrantAllocations", "GrantId", "OrganisationId", "Amount", "Currency");

        public readonly BulkInsert Tranche = new(connection, transaction, "GrantTranches", "Id", "GrantId", "Number", "PlannedDate", "Amount", "Condition",
            "Status", "ApprovalRound", "PaymentReference", "PaidOn", "RecordedBy", "RecordedAt", "Currency");

        public readonly BulkInsert TrancheApproval = new(connection, transaction, "GrantTrancheApprovals", "Id", "TrancheId", "Round", "OfficerId",
            "Decision", "Comment", "At");

        public readonly BulkInsert Report = new(connection, transaction, "GrantReports", "Id", "GrantId", "Currency", "Kind", "PeriodYear", "DueOn",
            "Status", "SubmissionCount");

        public readonly BulkInsert Emergency = new(connection, transaction, "EmergencyRequests", "Id", "OrganisationId", "FundId", "Amount", "Currency",
            "Category", "Justification", "NeededBy", "Status", "RequestedBy", "SubmittedAt", "DecisionDueAt", "DecidedAt", "CancelledAt",
            "RejectionReason", "PaymentReference", "PaidOn", "PaidBy", "PaymentRecordedAt", "Version");

        public readonly BulkInsert EmergencyApproval = new(connection, transaction, "EmergencyApprovals", "Id", "EmergencyRequestId", "FinanceOfficerId",
            "Decision", "Comment", "DecidedAt");

        public readonly BulkInsert Notification = new(connection, transaction, "Notifications", "Id", "RecipientUserId", "Kind", "Subject", "Body", "Link",
            "DeduplicationKey", "CreatedAt", "ReadAt", "Email", "EmailAttempts");
    }
}
