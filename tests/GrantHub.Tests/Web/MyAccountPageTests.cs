using System.Net;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Web;

public class MyAccountPageTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Erasing_from_the_account_page_needs_the_ticked_confirmation_and_the_password_then_signs_out()
    {
        var email = $"leaving-{Guid.NewGuid():N}@example.org";
        await factory.NewApplicant(email);
        var userId = await factory.UserId(email);
        var session = await WebSession.SignedIn(factory, email, "fr");
        var page = await session.Read("/account");
        Assert.Contains("Effacer mon compte", page);

        var unconfirmed = await WebSession.Html(await session.Post("/account?handler=Erase", ("Password", DemoData.Password)));
        Assert.Contains("Cochez la case", unconfirmed);
        var wrongPassword = await WebSession.Html(await session.Post("/account?handler=Erase", ("Password", "not the password"), ("Confirmed", "true")));
        Assert.Contains("Ce mot de passe n'est pas celui de ce compte.", wrongPassword);
        Assert.False(await factory.WithDb(db => db.Users.AnyAsync(u => u.Id == userId && u.Email == ApplicationUser.ErasedEmail(userId))));

        var erased = await session.Post("/account?handler=Erase", ("Password", DemoData.Password), ("Confirmed", "true"));

        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.True(await factory.WithDb(db => db.Users.AnyAsync(u => u.Id == userId && u.Email == ApplicationUser.ErasedEmail(userId))));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/account")).StatusCode);
    }
}
