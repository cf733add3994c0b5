using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GrantHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GrantHub.Tests.Auth;

public record Tokens(string AccessToken, string RefreshToken);

public static class AuthTestData
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public static async Task<HttpResponseMessage> SignIn(this HttpClient anonymous, string email, string password, string? from = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = JsonContent(new { email, password }) };
        if (from is not null)
        {
            request.Headers.Add(ClientAddressHeader, from);
        }

        return await anonymous.SendAsync(request);
    }

    public static async Task<Tokens> Tokens(this HttpResponseMessage response)
    {
        var body = await response.ReadJson();
        return new Tokens(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    public static Task<HttpResponseMessage> Refresh(this HttpClient anonymous, string refreshToken) =>
        anonymous.PostJson("/auth/refresh", new { refreshToken });

    public static Task<HttpResponseMessage> Me(this HttpClient client, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client.SendAsync(request);
    }

    public static async Task<(string Email, string Password)> NewAccount(this GrantHubFactory factory)
    {
        var email = $"account-{Guid.NewGuid():N}@example.org";
        const string password = "a long enough passphrase";
        using var anonymous = factory.CreateClient();
        await (await anonymous.PostJson("/auth/register", new { email, password })).ShouldBe(HttpStatusCode.OK);
        return (email, password);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, HttpAssertions.Json), System.Text.Encoding.UTF8, "application/json");
}

/// <summary>Lets a test say which client address a request comes from (the in-memory test server has none).</summary>
public sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(AuthTestData.ClientAddressHeader, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
