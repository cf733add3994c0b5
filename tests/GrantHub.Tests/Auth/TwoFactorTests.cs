using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GrantHub.Api.Features.Auth;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Auth;

public class TwoFactorTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Staff_signed_in_with_a_password_alone_can_only_see_her_account_and_enrol()
    {
        var (email, _) = await NewStaff(Roles.ProgrammeOfficer);
        var officer = await PasswordOnly(email);

        var refused = await (await officer.GetAsync("/api/funds")).ReadJson(HttpStatusCode.Forbidden);
        Assert.Equal(SecondFactor.RequiredRule, refused.GetProperty("rule").GetString());
        await (await officer.PostJson("/api/funds", new { name = "Fund", kind = "CoreFunding", currency = "EUR", budget = 10, approvalThreshold = 1 }))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await officer.GetAsync("/api/me/notifications")).ShouldBe(HttpStatusCode.Forbidden);
        await (await officer.GetAsync("/api/me")).ShouldBe(HttpStatusCode.OK);
        var status = await (await officer.GetAsync("/api/me/two-factor")).ReadAs<TwoFactorStatusResponse>();
        Assert.False(status.Enabled);
        Assert.True(status.Required);
    }

    [Fact]
    public async Task After_enrolling_with_the_app_s_code_staff_sign_in_with_a_code_and_act()
    {
        var (email, _) = await NewStaff(Roles.FinanceOfficer);
        var finance = await PasswordOnly(email);

        var setup = await (await finance.PostJson("/api/me/two-factor/setup")).ReadAs<TwoFactorSetupResponse>();
        Assert.StartsWith($"otpauth://totp/GrantHub:{Uri.EscapeDataString(email)}?secret={setup.SharedKey}", setup.AuthenticatorUri);
        Assert.Equal(setup.SharedKey.ToLowerInvariant(), setup.GroupedKey.Replace(" ", ""));
        await (await finance.PostJson("/api/me/two-factor/enable", new { code = WrongCode(setup.SharedKey) })).ShouldBeInvalid("code");
        var enabled = await (await finance.PostJson("/api/me/two-factor/enable", new { code = Totp.Now(setup.SharedKey) })).ReadAs<RecoveryCodesResponse>();

        Assert.Equal(10, enabled.RecoveryCodes.Distinct().Count());
        await (await finance.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);
        using var anonymous = factory.CreateClient();
        var withoutCode = await (await anonymous.PostJson("/auth/login", new { email, password = DemoData.Password })).ReadJson(HttpStatusCode.Unauthorized);
        Assert.Equal("second-factor-code-required", withoutCode.GetProperty("rule").GetString());
        await (await anonymous.PostJson("/auth/login", new { email, password = DemoData.Password, twoFactorCode = WrongCode(setup.SharedKey) }))
            .ShouldBe(HttpStatusCode.Unauthorized);
        var signedIn = await SignIn(new { email, password = DemoData.Password, twoFactorCode = Totp.Now(setup.SharedKey) });
        await (await signedIn.GetAsync("/api/funds")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (email, _) = await NewStaff(Roles.Admin);
        var key = await Enrol(await PasswordOnly(email));
        var codes = (await (await (await SignIn(new { email, password = DemoData.Password, twoFactorCode = Totp.Now(key) }))
            .PostJson("/api/me/two-factor/recovery-codes")).ReadAs<RecoveryCodesResponse>()).RecoveryCodes;

        var typedCasually = codes[0].Replace("-", "").ToLowerInvariant();
        var recovered = await SignIn(new { email, password = DemoData.Password, twoFactorRecoveryCode = typedCasually });
        await (await recovered.GetAsync("/api/users")).ShouldBe(HttpStatusCode.OK);
        using var anonymous = factory.CreateClient();
        await (await anonymous.PostJson("/auth/login", new { email, password = DemoData.Password, twoFactorRecoveryCode = codes[0] }))
            .ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(9, (await (await recovered.GetAsync("/api/me/two-factor")).ReadAs<TwoFactorStatusResponse>()).RecoveryCodesLeft);
    }

    [Fact]
    public async Task A_refreshed_session_keeps_the_proof_of_its_second_factor()
    {
        using var anonymous = factory.CreateClient();
        var login = await (await anonymous.PostJson("/auth/login", new
        {
            email = "officer@granthub.local", password = DemoData.Password, twoFactorCode = Totp.Now(DemoData.StaffAuthenticatorKey),
        })).Tokens();

        var refreshed = await (await anonymous.Refresh(login.RefreshToken)).Tokens();

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.AccessToken);
        await (await anonymous.GetAsync("/api/funds")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_reset_is_audited_by_id_only_ends_the_sessions_and_sends_the_staff_member_back_to_enrolment()
    {
        var (email, id) = await NewStaff(Roles.ProgrammeOfficer);
        var key = await Enrol(await PasswordOnly(email));
        var officer = await SignIn(new { email, password = DemoData.Password, twoFactorCode = Totp.Now(key) });
        await (await officer.GetAsync("/api/funds")).ShouldBe(HttpStatusCode.OK);

        var reset = await (await (await factory.Admin()).PostJson($"/api/users/{id}/two-factor/reset")).ReadAs<SecondFactorResetResponse>();

        Assert.False(reset.Enabled);
        await (await officer.GetAsync("/api/funds")).ShouldBe(HttpStatusCode.Unauthorized);
        var audited = await factory.WithDb(db => db.AuditEntries.Where(e => e.ObjectId == id && e.Command.Contains("ResetSecondFactor")).SingleAsync());
        Assert.DoesNotContain(email, audited.Payload, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(id, JsonDocument.Parse(audited.Payload).RootElement.GetProperty("id").GetGuid());
        var again = await PasswordOnly(email);
        await (await again.GetAsync("/api/funds")).ShouldBe(HttpStatusCode.Forbidden);
        await (await again.PostJson("/api/me/two-factor/enable", new { code = Totp.Now(key) })).ShouldBeInvalid("code");
    }

    [Fact]
    public async Task Only_an_admin_resets_a_second_factor()
    {
        var (_, id) = await NewStaff(Roles.FinanceOfficer);

        await (await (await factory.Officer()).PostJson($"/api/users/{id}/two-factor/reset")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Admin()).PostJson($"/api/users/{Guid.NewGuid()}/two-factor/reset")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_applicant_acts_without_a_second_factor_and_may_enrol_one()
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var applicant = await factory.NewApplicant(email);
        await (await applicant.GetAsync("/api/organisations")).ShouldBe(HttpStatusCode.OK);
        var status = await (await applicant.GetAsync("/api/me/two-factor")).ReadAs<TwoFactorStatusResponse>();
        Assert.False(status.Required);

        var key = await Enrol(await PasswordOnly(email));

        using var anonymous = factory.CreateClient();
        await (await anonymous.PostJson("/auth/login", new { email, password = DemoData.Password })).ShouldBe(HttpStatusCode.Unauthorized);
        var signedIn = await SignIn(new { email, password = DemoData.Password, twoFactorCode = Totp.Now(key) });
        await (await signedIn.PostJson("/api/me/two-factor/disable")).ShouldBe(HttpStatusCode.OK);
        await PasswordOnly(email);
    }

    private async Task<(string Email, Guid Id)> NewStaff(string role)
    {
        var email = $"staff-{Guid.NewGuid():N}@granthub.local";
        var created = await (await (await factory.Admin()).PostJson("/api/users", new CreateStaffUserCommand(email, DemoData.Password, "New Staff", [role])))
            .ReadAs<StaffUserResponse>(HttpStatusCode.Created);
        return (email, created.Id);
    }

    private Task<HttpClient> PasswordOnly(string email) => SignIn(new { email, password = DemoData.Password });

    private async Task<HttpClient> SignIn(object request)
    {
        var client = factory.CreateClient();
        var tokens = await (await client.PostJson("/auth/login", request)).Tokens();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    /// <summary>Enrols the signed-in account with a new key; returns the key.</summary>
    private static async Task<string> Enrol(HttpClient client)
    {
        var setup = await (await client.PostJson("/api/me/two-factor/setup")).ReadAs<TwoFactorSetupResponse>();
        await (await client.PostJson("/api/me/two-factor/enable", new { code = Totp.Now(setup.SharedKey) })).ShouldBe(HttpStatusCode.OK);
        return setup.SharedKey;
    }

    /// <summary>A code that no step of Identity's ±2-step window accepts.</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp.At(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(code => !accepted.Contains(code));
    }
}
