using System.Net;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Identity;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.OpenData;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Web;

/// <summary>The administration pages through the real pipeline.</summary>
public class AdminPagesTests(OpenDataFactory factory) : IClassFixture<OpenDataFactory>
{
    private const string Admin = "admin@granthub.local";

    [Fact]
    public async Task Disabling_an_account_ends_its_open_browser_session_and_re_enabling_lets_it_sign_in_again()
    {
        var (_, userId) = await factory.NewStaff(Roles.Reviewer);
        var email = await factory.WithDb(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());
        var victim = await WebSession.SignedIn(factory, email);
        await victim.Read("/home");
        var admin = await WebSession.SignedIn(factory, Admin);
        await admin.Read("/admin/users");

        var disabled = await admin.Post("/admin/users?handler=Disable", ("id", userId.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var after = await victim.Client.GetAsync("/home");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.Headers.Location!.AbsolutePath);
        Assert.Contains("disabled", await admin.Read("/admin/users"));

        await admin.Post("/admin/users?handler=Enable", ("id", userId.ToString()));
        await WebSession.SignedIn(factory, email);
    }

    [Fact]
    public async Task An_admin_creates_a_staff_account_with_its_roles_and_a_refused_one_keeps_what_was_typed_but_the_password()
    {
        var admin = await WebSession.SignedIn(factory, Admin);
        await admin.Read("/admin/users");
        var email = $"new-{Guid.NewGuid():N}@granthub.local";

        var refused = await WebSession.Html(await admin.Post("/admin/users?handler=Create", ("DisplayName", "Nadia"), ("Email", email), ("Password", DemoData.Password)));
        Assert.Contains("A staff user needs at least one role.", refused);
        Assert.Contains($"value=\"{email}\"", refused);
        Assert.DoesNotContain(DemoData.Password, refused);

        var created = await admin.Post("/admin/users?handler=Create", ("DisplayName", "Nadia"), ("Email", email), ("Password", DemoData.Password), ("Roles", Roles.FinanceOfficer));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var finance = await WebSession.SignedIn(factory, email);
        await finance.Read("/finance/approvals");
    }

    [Fact]
    public async Task Verify_says_in_words_that_the_audit_trail_is_intact_and_the_filters_narrow_the_entries()
    {
        var admin = await WebSession.SignedIn(factory, Admin);
        await admin.Read("/admin/audit");

        var verified = await WebSession.Html(await admin.Post("/admin/audit?handler=Verify"));

        Assert.Matches("The audit trail is intact: all [0-9]+ entries check out.", verified);
        var filtered = await admin.Read("/admin/audit?Command=NoSuchCommand");
        Assert.Contains("0 entries", filtered);
    }

    [Fact]
    public async Task The_settings_page_shows_what_is_in_force_and_never_a_secret()
    {
        var admin = await WebSession.SignedIn(factory, Admin);

        var html = await admin.Read("/admin/settings");

        Assert.Contains("Emergency:DecisionPromiseHours", html);
        Assert.Contains("OpenData:PseudonymSecret", html);
        Assert.DoesNotContain(OpenDataFactory.Secret, html);
        Assert.Contains("href=\"/hangfire\"", html);
        var finance = await WebSession.SignedIn(factory, "finance@granthub.local");
        var refused = await finance.Client.GetAsync("/admin/settings");
        Assert.Equal("/error/403", refused.Headers.Location?.AbsolutePath);
    }
}
