using System.Net;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Web;

/// <summary>The registration page goes through the API's registration command, so it never tells whether an address has an account.</summary>
public class RegisterPageTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Registering_an_address_that_has_an_account_reads_exactly_like_a_new_registration()
    {
        var forNewAddress = await Register("new-applicant@example.org", "Amani");
        var forExistingAddress = await Register("lead@granthub.local", "Someone Else");

        Assert.Equal(forNewAddress.Status, forExistingAddress.Status);
        Assert.Equal(forNewAddress.Location?.Replace("new-applicant@example.org", ""), forExistingAddress.Location?.Replace("lead@granthub.local", ""));
        const string answer = "If this address could be registered, your account is ready: sign in with it.";
        Assert.Contains(answer, forNewAddress.NextPage);
        Assert.Contains(answer, forExistingAddress.NextPage);

        var (created, leadName) = await factory.WithDb(async db => (
            await db.Users.SingleAsync(u => u.Email == "new-applicant@example.org"),
            (await db.Users.SingleAsync(u => u.Email == "lead@granthub.local")).DisplayName));
        Assert.Equal("Amani", created.DisplayName);
        Assert.NotEqual("Someone Else", leadName);
    }

    [Fact]
    public async Task A_common_password_is_refused_next_to_the_password_field()
    {
        var session = WebSession.Open(factory);
        await session.Read("/account/register");

        var response = await session.Post("/account/register",
            ("DisplayName", "Amani"), ("Email", "weak-password@example.org"), ("Password", "1qaz2wsx3edc"));
        var html = await WebSession.Html(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Matches("id=\"Password-error\"[^>]*>This password is one of the most commonly used", html);
        Assert.False(await factory.WithDb(db => db.Users.AnyAsync(u => u.Email == "weak-password@example.org")));
    }

    private async Task<(HttpStatusCode Status, string? Location, string NextPage)> Register(string email, string name)
    {
        var session = WebSession.Open(factory);
        await session.Read("/account/register");
        var response = await session.Post("/account/register", ("DisplayName", name), ("Email", email), ("Password", DemoData.Password));
        var location = response.Headers.Location?.ToString();
        var next = location is null ? "" : WebUtility.HtmlDecode(await session.Read(location));
        return (response.StatusCode, location, next);
    }
}
