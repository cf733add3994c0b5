using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace GrantHub.Api.Web;

/// <summary>
/// A form sent after the session expired is not lost: its fields are kept on the server for half an hour under a
/// random key, the person signs in again, and <c>/account/resume</c> offers the same form to send once more.
/// </summary>
public sealed class KeepFormOnExpiredSession(FormStash stash) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var isPageForm = authorizeResult.Challenged
            && HttpMethods.IsPost(context.Request.Method)
            && context.Request.HasFormContentType
            && context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null;
        if (!isPageForm)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var target = context.Request.Path + context.Request.QueryString;
        var key = stash.Keep(target, [.. form
            .Where(field => field.Key != "__RequestVerificationToken")
            .SelectMany(field => field.Value.Select(value => new KeyValuePair<string, string>(field.Key, value ?? "")))]);
        context.Response.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(target)}&resume={key}");
    }
}

/// <summary>Forms kept while their author signs in again; each is handed back once.</summary>
public sealed class FormStash(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public string Keep(string target, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cache.Set(CacheKey(key), new StashedForm(target, fields), Lifetime);
        return key;
    }

    public StashedForm? Take(string? key)
    {
        if (string.IsNullOrEmpty(key) || !cache.TryGetValue(CacheKey(key), out StashedForm? form))
        {
            return null;
        }

        cache.Remove(CacheKey(key));
        return form;
    }

    private static string CacheKey(string key) => $"form-stash:{key}";
}

public sealed record StashedForm(string Target, IReadOnlyList<KeyValuePair<string, string>> Fields);
