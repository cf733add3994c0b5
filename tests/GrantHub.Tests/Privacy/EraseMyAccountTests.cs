using System.Net;
using System.Net.Http.Json;
using GrantHub.Api.Features.Audit;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Privacy;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Identity;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Privacy;

public class EraseMyAccountTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string Url = "/api/me/erasure";

    [Fact]
    public async Task A_person_erases_her_own_account_her_records_stay_without_her_and_the_audit_chain_still_verifies()
    {
        var owner = await factory.NewOrganisation();
        var userId = await factory.UserId(owner.Email);
        var fund = await factory.CreateRapidResponseFund();
        var request = await owner.Client.Submit(factory.Body(owner.OrganisationId, fund.Id));

        await (await owner.Client.PostJson(Url, new EraseMyAccountCommand("not her password"))).ShouldBeInvalid("password");
        await (await owner.Client.GetAsync("/api/me")).ShouldBe(HttpStatusCode.OK);

        await (await owner.Client.PostJson(Url, new EraseMyAccountCommand(DemoData.Password))).ShouldBe(HttpStatusCode.OK);

        await (await owner.Client.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        using var anonymous = factory.CreateClient();
        await (await anonymous.PostAsJsonAsync("/auth/login", new { email = owner.Email, password = DemoData.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        var account = await factory.WithDb(db => db.Users.SingleAsync(u => u.Id == userId));
        Assert.Equal((ApplicationUser.ErasedEmail(userId), "", null), (account.Email, account.DisplayName, account.PasswordHash));
        Assert.False(await factory.WithDb(db => db.Users.AnyAsync(u => u.NormalizedEmail == owner.Email.ToUpperInvariant())));
        Assert.False(await factory.WithDb(db => db.Notifications.AnyAsync(n => n.RecipientUserId == userId)));
        Assert.False(await factory.WithDb(db => db.AuditEntries.AnyAsync(a => a.UserEmail == owner.Email || a.Payload.Contains(owner.Email))));

        var organisation = await (await (await factory.Officer()).GetAsync($"/api/organisations/{owner.OrganisationId}")).ReadAs<OrganisationResponse>();
        Assert.Empty(organisation.Members);
        Assert.Equal(userId, await factory.WithDb(db => db.EmergencyRequests.Where(r => r.Id == request.Id).Select(r => r.RequestedBy).SingleAsync()));
        var audit = await (await (await factory.Admin()).GetAsync("/api/audit/verify")).ReadAs<AuditVerificationResponse>();
        Assert.True(audit.Intact, audit.Problem);
        if (!TestSqlServer.Enabled)
        {
            await DatabaseFile.Checkpoint(factory);
            Assert.False(DatabaseFile.Holds(factory, owner.Email), "Her address is still in the database file.");
        }
    }

    [Fact]
    public async Task The_last_owner_of_an_organisation_with_other_members_must_hand_it_over_first()
    {
        var owner = await factory.NewOrganisation();
        var memberEmail = $"member-{Guid.NewGuid():N}@example.org";
        var member = await factory.NewApplicant(memberEmail);
        await owner.Admit(member, memberEmail);

        await (await owner.Client.PostJson(Url, new EraseMyAccountCommand(DemoData.Password))).ShouldBreakRule("last-owner");
        await (await owner.Client.GetAsync("/api/me")).ShouldBe(HttpStatusCode.OK);

        await (await member.PostJson(Url, new EraseMyAccountCommand(DemoData.Password))).ShouldBe(HttpStatusCode.OK);
        var organisation = await (await owner.Client.GetAsync($"/api/organisations/{owner.OrganisationId}")).ReadAs<OrganisationResponse>();
        Assert.Single(organisation.Members);
    }

    [Fact]
    public async Task A_staff_account_is_not_erased_by_its_holder()
    {
        await (await (await factory.Finance()).PostJson(Url, new EraseMyAccountCommand(DemoData.Password))).ShouldBreakRule("staff-account-erasure");

        await (await (await factory.Finance()).GetAsync("/api/me")).ShouldBe(HttpStatusCode.OK);
    }
}
