using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages;

/// <summary>Friendly pages for 400 (often an expired form), 403, 404 and anything else; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : WebPage
{
    public string Key { get; private set; } = "Error.Other";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Key = code switch
        {
            400 => "Error.400",
            403 => "Error.403",
            404 => "Error.404",
            _ => "Error.Other",
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and < 600 ? code : 404;
        }
    }
}
