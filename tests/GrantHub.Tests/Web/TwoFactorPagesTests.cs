using System.Net;
using System.Text.RegularExpressions;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Web;

/// <summary>Two-step sign-in in the browser: the code after the password, enrolment, recovery codes, the admin's reset.</summary>
public partial class TwoFactorPagesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Staff_without_a_second_factor_are_sent_to_enrolment_and_act_once_the_app_s_code_is_verified()
    {
        var email = await NewStaff(Roles.ProgrammeOfficer);
        var officer = await PasswordOnly(email);

        var home = await officer.Client.GetAsync("/home");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/two-factor", home.Headers.Location!.OriginalString);
        var intro = await officer.Read("/account/two-factor");
        Assert.Contains("id=\"must-enrol\"", intro);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Post("/account/two-factor?handler=Setup")).StatusCode);
        var setup = await officer.Read("/account/two-factor");
        var grouped = WebSession.TextOf(setup, "shared-key");
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{4}$", grouped);
        var key = grouped.Replace(" ", "").ToUpperInvariant();
        Assert.Contains($"otpauth://totp/GrantHub:{Uri.EscapeDataString(email)}?secret={key}", WebUtility.HtmlDecode(setup));

        var refused = await WebSession.Html(await officer.Post("/account/two-factor?handler=Enable", ("Code", "000000" == Totp.Now(key) ? "111111" : "000000")));
        Assert.Contains("This code is not the one the authenticator app shows now.", refused);
        var enabled = await officer.Post("/account/two-factor?handler=Enable", ("Code", Totp.Now(key)));

        var page = await WebSession.Html(enabled);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(10, RecoveryCode().Matches(page).Count);
        await officer.Read("/home");
        await officer.Read("/calls");
    }

    [Fact]
    public async Task Sign_in_asks_for_the_code_after_the_password_refuses_a_wrong_one_and_takes_a_recovery_code_once()
    {
        var email = await NewStaff(Roles.FinanceOfficer);
        await factory.SecondFactorCode(email);
        var codes = await RecoveryCodes(email);

        var session = WebSession.Open(factory);
        await session.Read("/account/login");
        var password = await session.Post("/account/login", ("Email", email), ("Password", DemoData.Password));
        Assert.Equal("/account/login-code", Target(password));
        await session.Read("/account/login-code");
        var wrong = await session.Post("/account/login-code", ("Code", Totp.Now(DemoData.StaffAuthenticatorKey) == "123456" ? "654321" : "123456"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("This code is wrong or expired", await WebSession.Html(wrong));
        var recovered = await session.Post("/account/login-code", ("RecoveryCode", codes[0]));
        Assert.Equal("/home", recovered.Headers.Location!.OriginalString);
        await session.Read("/finance/approvals");

        var again = WebSession.Open(factory);
        await again.Read("/account/login");
        await again.Post("/account/login", ("Email", email), ("Password", DemoData.Password));
        await again.Read("/account/login-code");
        Assert.Contains("This code is wrong or expired", await WebSession.Html(await again.Post("/account/login-code", ("RecoveryCode", codes[0]))));
    }

    [Fact]
    public async Task The_code_page_without_a_password_step_goes_back_to_sign_in()
    {
        var session = WebSession.Open(factory);

        var response = await session.Client.GetAsync("/account/login-code");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", Target(response));
    }

    [Fact]
    public async Task An_admin_resets_a_second_factor_from_the_users_page_and_its_owner_must_enrol_again()
    {
        var email = await NewStaff(Roles.FinanceOfficer);
        var finance = await WebSession.SignedIn(factory, email);
        await finance.Read("/finance/approvals");
        var id = await factory.UserId(email);
        var admin = await WebSession.SignedIn(factory, "admin@granthub.local");
        var users = await admin.Read("/admin/users");
        Assert.Contains($"Reset the second factor of {email}", WebUtility.HtmlDecode(users));

        var reset = await admin.Post("/admin/users?handler=ResetSecondFactor", ("id", id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("The second factor is reset", await admin.Read("/admin/users"));
        Assert.Equal("/account/login", Target(await finance.Client.GetAsync("/finance/approvals")));
        Assert.Equal(1, await factory.WithDb(db => db.AuditEntries.CountAsync(e => e.ObjectId == id && e.Command.Contains("ResetSecondFactor"))));
        var again = await PasswordOnly(email);
        Assert.Equal("/account/two-factor", (await again.Client.GetAsync("/finance/approvals")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_applicant_signs_in_with_her_password_alone_and_may_turn_two_step_sign_in_on()
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        await factory.NewApplicant(email);
        var applicant = await PasswordOnly(email);
        await applicant.Read("/home");

        var page = await applicant.Read("/account/two-factor");

        Assert.Contains("Your account signs in with its password alone.", WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("id=\"must-enrol\"", page);
    }

    private async Task<string> NewStaff(string role)
    {
        var email = $"staff-{Guid.NewGuid():N}@granthub.local";
        await (await (await factory.Admin()).PostJson("/api/users", new CreateStaffUserCommand(email, DemoData.Password, "New Staff", [role])))
            .ShouldBe(HttpStatusCode.Created);
        return email;
    }

    private async Task<WebSession> PasswordOnly(string email)
    {
        var session = WebSession.Open(factory);
        await session.Read("/account/login");
        Assert.Equal(HttpStatusCode.Redirect, (await session.Post("/account/login", ("Email", email), ("Password", DemoData.Password))).StatusCode);
        return session;
    }

    private async Task<IReadOnlyList<string>> RecoveryCodes(string email)
    {
        var session = await WebSession.SignedIn(factory, email);
        await session.Read("/account/two-factor");
        var page = await WebSession.Html(await session.Post("/account/two-factor?handler=RecoveryCodes"));
        return [.. RecoveryCode().Matches(page).Select(match => match.Groups[1].Value)];
    }

    /// <summary>The path a redirect sends the browser to.</summary>
    private static string Target(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return new Uri(new Uri("https://localhost"), redirect.Headers.Location!).AbsolutePath;
    }

    [GeneratedRegex("<li><code>([0-9A-Z]{5}-[0-9A-Z]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
