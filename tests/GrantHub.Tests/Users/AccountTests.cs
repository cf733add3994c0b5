using System.Net;
using System.Net.Http.Json;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Users;

public class AccountTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Login_returns_a_bearer_token_that_opens_the_api()
    {
        using var anonymous = factory.CreateClient();

        var login = await (await anonymous.PostJson("/auth/login", new
        {
            email = "officer@granthub.local", password = DemoData.Password, twoFactorCode = Totp.Now(DemoData.StaffAuthenticatorKey),
        })).ReadJson();

        Assert.Equal("Bearer", login.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(login.GetProperty("refreshToken").GetString()));
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        var me = await (await anonymous.GetAsync("/api/me")).ReadAs<MeResponse>();
        Assert.Equal("officer@granthub.local", me.Email);
        Assert.Equal([Roles.ProgrammeOfficer], me.Roles);
    }

    [Fact]
    public async Task Wrong_password_is_unauthorized()
    {
        using var anonymous = factory.CreateClient();

        await (await anonymous.PostJson("/auth/login", new { email = "officer@granthub.local", password = "wrong-password" })).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_lists_the_organisations_of_an_applicant()
    {
        var lead = await factory.Lead();

        var me = await (await lead.GetAsync("/api/me")).ReadAs<MeResponse>();

        Assert.Empty(me.Roles);
        var organisation = Assert.Single(me.Organisations);
        Assert.Equal(DemoData.LeadOrganisationName, organisation.Name);
    }

    [Fact]
    public async Task Me_requires_a_signed_in_user()
    {
        await (await factory.CreateClient().GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Registered_applicant_has_no_staff_role()
    {
        var applicant = await factory.NewApplicant();

        var me = await (await applicant.GetAsync("/api/me")).ReadAs<MeResponse>();

        Assert.Empty(me.Roles);
        Assert.Empty(me.Organisations);
        await (await applicant.GetAsync("/api/users")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admin_creates_a_staff_user_who_can_then_sign_in_with_that_role()
    {
        var admin = await factory.Admin();
        var email = $"reviewer-{Guid.NewGuid():N}@granthub.local";

        var response = await admin.PostJson("/api/users", new CreateStaffUserCommand(email, "Str0ng#Passphrase", "Grace Reviewer", [Roles.Reviewer]));

        var created = await response.ReadAs<StaffUserResponse>(HttpStatusCode.Created);
        Assert.Equal([Roles.Reviewer], created.Roles);
        var reviewer = await factory.ClientFor(email, "Str0ng#Passphrase");
        var me = await (await reviewer.GetAsync("/api/me")).ReadAs<MeResponse>();
        Assert.Equal("Grace Reviewer", me.DisplayName);
    }

    [Fact]
    public async Task Staff_user_needs_a_known_role_a_valid_email_and_a_strong_password()
    {
        var admin = await factory.Admin();

        await (await admin.PostJson("/api/users", new CreateStaffUserCommand("x@granthub.local", "Str0ng#Passphrase", "X", ["Superuser"]))).ShouldBeInvalid("roles[0]");
        await (await admin.PostJson("/api/users", new CreateStaffUserCommand("not-an-email", "Str0ng#Passphrase", "X", [Roles.Reviewer]))).ShouldBeInvalid("email");
        await (await admin.PostJson("/api/users", new CreateStaffUserCommand("weak@granthub.local", "short", "X", [Roles.Reviewer]))).ShouldBeInvalid("password");
        var users = await factory.WithDb(db => Task.FromResult(db.Users.Count(u => u.Email == "weak@granthub.local")));
        Assert.Equal(0, users);
    }

    [Fact]
    public async Task Email_of_an_existing_account_cannot_be_reused()
    {
        var admin = await factory.Admin();

        await (await admin.PostJson("/api/users", new CreateStaffUserCommand("finance@granthub.local", "Str0ng#Passphrase", "X", [Roles.FinanceOfficer]))).ShouldBreakRule("user-email-taken");
    }

    [Fact]
    public async Task Only_admins_create_staff_users()
    {
        var officer = await factory.Officer();

        await (await officer.PostJson("/api/users", new CreateStaffUserCommand("y@granthub.local", "Str0ng#Passphrase", "Y", [Roles.Admin]))).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Officer_lists_reviewers_but_not_applicants()
    {
        var officer = await factory.Officer();

        var reviewers = await (await officer.GetAsync("/api/users?role=Reviewer")).ReadAs<PagedResponse<StaffUserResponse>>();
        Assert.Contains(reviewers.Items, u => u.Email == "reviewer@granthub.local");
        Assert.All(reviewers.Items, u => Assert.Contains(Roles.Reviewer, u.Roles));

        var staff = await (await officer.GetAsync("/api/users?pageSize=100")).ReadAs<PagedResponse<StaffUserResponse>>();
        Assert.DoesNotContain(staff.Items, u => u.Email == "lead@granthub.local");

        var admin = await factory.Admin();
        var everyone = await (await admin.GetAsync("/api/users?pageSize=100")).ReadAs<PagedResponse<StaffUserResponse>>();
        Assert.Contains(everyone.Items, u => u.Email == "lead@granthub.local");
    }

    [Fact]
    public async Task Reviewer_cannot_list_users()
    {
        var reviewer = await factory.Reviewer();

        await (await reviewer.GetAsync("/api/users")).ShouldBe(HttpStatusCode.Forbidden);
    }
}
