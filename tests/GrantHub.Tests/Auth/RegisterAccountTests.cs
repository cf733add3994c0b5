using System.Net;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Auth;

public class RegisterAccountTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Registering_an_existing_address_answers_like_a_new_registration_and_tells_the_owner()
    {
        using var anonymous = factory.CreateClient();
        var email = $"someone-{Guid.NewGuid():N}@example.org";

        var first = await anonymous.PostJson("/auth/register", new { email, password = "a long enough passphrase" });
        var again = await anonymous.PostJson("/auth/register", new { email, password = "another long passphrase" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var told = await factory.WithDb(db => db.Notifications
            .Where(n => n.Kind == "registration-attempt" && db.Users.Any(u => u.Id == n.RecipientUserId && u.Email == email))
            .CountAsync());
        Assert.Equal(1, told);
        await (await anonymous.SignIn(email, "a long enough passphrase")).ShouldBe(HttpStatusCode.OK);
        await (await anonymous.SignIn(email, "another long passphrase")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("elevenchars")]
    [InlineData("qwerty123456")]
    [InlineData("QWERTY123456")]
    [InlineData("1qaz2wsx3edc")]
    public async Task Short_and_common_passwords_are_refused(string password)
    {
        using var anonymous = factory.CreateClient();

        await (await anonymous.PostJson("/auth/register", new { email = $"weak-{Guid.NewGuid():N}@example.org", password })).ShouldBeInvalid("password");
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("alllowercaseletters")]
    public async Task Long_passwords_need_no_digits_capitals_or_symbols(string password)
    {
        using var anonymous = factory.CreateClient();
        var email = $"plain-{Guid.NewGuid():N}@example.org";

        await (await anonymous.PostJson("/auth/register", new { email, password })).ShouldBe(HttpStatusCode.OK);
        await (await anonymous.SignIn(email, password)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_overlong_email_is_refused_naming_it()
    {
        using var anonymous = factory.CreateClient();

        await (await anonymous.PostJson("/auth/register", new { email = new string('a', 100_000) + "@x.org", password = "a long enough passphrase" }))
            .ShouldBeInvalid("email");
    }
}
