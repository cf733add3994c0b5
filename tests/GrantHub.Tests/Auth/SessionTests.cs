using System.Net;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Auth;

public class SessionTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Logout_ends_the_session_for_its_access_and_refresh_tokens()
    {
        var (email, password) = await factory.NewAccount();
        using var anonymous = factory.CreateClient();
        var tokens = await (await anonymous.SignIn(email, password)).Tokens();
        var otherDevice = await (await anonymous.SignIn(email, password)).Tokens();
        await (await anonymous.Me(tokens.AccessToken)).ShouldBe(HttpStatusCode.OK);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/auth/logout");
        logout.Headers.Authorization = new("Bearer", tokens.AccessToken);
        await (await anonymous.SendAsync(logout)).ShouldBe(HttpStatusCode.NoContent);

        await (await anonymous.Me(tokens.AccessToken)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.Refresh(tokens.RefreshToken)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.Me(otherDevice.AccessToken)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_reuse_ends_the_session()
    {
        var (email, password) = await factory.NewAccount();
        using var anonymous = factory.CreateClient();
        var first = await (await anonymous.SignIn(email, password)).Tokens();

        var second = await (await anonymous.Refresh(first.RefreshToken)).Tokens();
        await (await anonymous.Me(second.AccessToken)).ShouldBe(HttpStatusCode.OK);

        await (await anonymous.Refresh(first.RefreshToken)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.Refresh(second.RefreshToken)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.Me(second.AccessToken)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_change_ends_every_existing_session()
    {
        var (email, password) = await factory.NewAccount();
        using var anonymous = factory.CreateClient();
        var tokens = await (await anonymous.SignIn(email, password)).Tokens();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);

        await (await client.PostJson("/auth/password", new { currentPassword = password, newPassword = "a brand new passphrase" })).ShouldBe(HttpStatusCode.OK);

        await (await anonymous.Me(tokens.AccessToken)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.Refresh(tokens.RefreshToken)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.SignIn(email, password)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.SignIn(email, "a brand new passphrase")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_account_disabled_by_an_admin_loses_its_tokens_at_once_until_enabled()
    {
        var (email, password) = await factory.NewAccount();
        using var anonymous = factory.CreateClient();
        var tokens = await (await anonymous.SignIn(email, password)).Tokens();
        var userId = await factory.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var admin = await factory.Admin();

        await (await admin.PostJson($"/api/users/{userId}/disable")).ShouldBe(HttpStatusCode.OK);

        await (await anonymous.Me(tokens.AccessToken)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.Refresh(tokens.RefreshToken)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.SignIn(email, password)).ShouldBe(HttpStatusCode.Unauthorized);

        await (await admin.PostJson($"/api/users/{userId}/enable")).ShouldBe(HttpStatusCode.OK);
        var again = await (await anonymous.SignIn(email, password)).Tokens();
        await (await anonymous.Me(again.AccessToken)).ShouldBe(HttpStatusCode.OK);
        await (await anonymous.Me(tokens.AccessToken)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_an_admin_disables_accounts_and_never_her_own()
    {
        var admin = await factory.Admin();
        var adminId = await factory.WithDb(db => db.Users.Where(u => u.Email == "admin@granthub.local").Select(u => u.Id).SingleAsync());
        var officerId = await factory.WithDb(db => db.Users.Where(u => u.Email == "officer@granthub.local").Select(u => u.Id).SingleAsync());

        await (await admin.PostJson($"/api/users/{adminId}/disable")).ShouldBreakRule("cannot-disable-self");
        await (await (await factory.Officer()).PostJson($"/api/users/{officerId}/disable")).ShouldBe(HttpStatusCode.Forbidden);
        await (await admin.PostJson($"/api/users/{Guid.NewGuid()}/disable")).ShouldBe(HttpStatusCode.NotFound);
    }
}
