using System.Net;
using System.Text.RegularExpressions;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GrantHub.Tests.Web;

/// <summary>A browser without JavaScript: cookies, forms with their antiforgery token, no automatic redirects.</summary>
public sealed partial class WebSession(HttpClient client)
{
    public HttpClient Client => client;

    /// <summary>The antiforgery token of the last page read.</summary>
    public string? Token { get; private set; }

    public static WebSession Open(GrantHubFactory factory, string? language = null)
    {
        // https, as in production: the session cookie is Secure outside Development.
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return new WebSession(client);
    }

    public static async Task<WebSession> SignedIn(GrantHubFactory factory, string email, string? language = null)
    {
        var session = Open(factory, language);
        var code = await factory.SecondFactorCode(email);
        await session.Read("/account/login");
        var response = await session.Post("/account/login", ("Email", email), ("Password", DemoData.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (code is not null)
        {
            await session.Read("/account/login-code");
            response = await session.Post("/account/login-code", ("Code", code));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        return session;
    }

    public async Task<string> Read(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: {(int)response.StatusCode}\n{html}");
        Token = AntiforgeryToken().Match(html) is { Success: true } match ? match.Groups[1].Value : Token;
        return html;
    }

    /// <summary>The page is refused for the role: the browser is sent to the friendly 403 page.</summary>
    public async Task Forbidden(string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url}: {(int)response.StatusCode}");
        Assert.Equal("/error/403", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    public Task<HttpResponseMessage> Post(string url, params (string Name, string Value)[] fields) =>
        PostForm(url, [.. fields, ("__RequestVerificationToken", Token ?? "")]);

    /// <summary>A multipart form (enctype="multipart/form-data") with one file, as a browser sends an upload.</summary>
    public Task<HttpResponseMessage> PostFile(string url, string fileField, byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, fileName);
        foreach (var (name, value) in fields.Append(("__RequestVerificationToken", Token ?? "")))
        {
            form.Add(new StringContent(value), name);
        }

        return client.PostAsync(url, form);
    }

    public Task<HttpResponseMessage> PostWithoutToken(string url, params (string Name, string Value)[] fields) => PostForm(url, fields);

    /// <summary>The text inside the element with this id (tags removed, trimmed): what a screen reader announces for it.</summary>
    public static string TextOf(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No element with id {id}.");
        var open = html.IndexOf('>', start) + 1;
        var tag = html.LastIndexOf('<', start);
        var name = html[(tag + 1)..].Split(' ', 2)[0];
        var end = html.IndexOf($"</{name}>", open, StringComparison.Ordinal);
        var inner = html[open..end];
        return WebUtility.HtmlDecode(TagPattern().Replace(inner, "")).Trim();
    }

    public static async Task<string> Html(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private Task<HttpResponseMessage> PostForm(string url, IEnumerable<(string Name, string Value)> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
