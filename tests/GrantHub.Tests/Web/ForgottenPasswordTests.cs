using System.Net;
using System.Text.RegularExpressions;
using GrantHub.Tests.Notifications;

namespace GrantHub.Tests.Web;

public partial class ForgottenPasswordTests : LoopbackSmtpTests
{
    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_link_sent_by_email()
    {
        var host = StartHost(extra: new() { ["App:PublicBaseUrl"] = "https://localhost" });
        var session = WebSession.Open(host);
        await session.Read("/account/forgot-password");

        var sent = await WebSession.Html(await session.Post("/account/forgot-password", ("Email", "lead@granthub.local")));

        Assert.Contains("If an account uses this address", sent);
        var message = Assert.Single(Smtp.Received, m => m.To.ToString().Contains("lead@granthub.local", StringComparison.Ordinal));
        var link = ResetLink().Match(message.TextBody ?? "").Value;
        Assert.StartsWith("https://localhost/account/reset-password?", link);
        await session.Read(link["https://localhost".Length..]);
        var reset = await session.Post(link["https://localhost".Length..], ("Password", "New#2026password"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        await session.Read("/account/login");
        var login = await session.Post("/account/login", ("Email", "lead@granthub.local"), ("Password", "New#2026password"));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/home", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var host = StartHost();
        var session = WebSession.Open(host);
        await session.Read("/account/forgot-password");

        var sent = await WebSession.Html(await session.Post("/account/forgot-password", ("Email", "nobody@example.org")));

        Assert.Contains("If an account uses this address", sent);
        Assert.Empty(Smtp.Received);
    }

    [GeneratedRegex(@"https://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
