using GrantHub.Api.Features.Calls;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages;

/// <summary>The front door: open calls and sign-in. A signed-in person goes to her home page.</summary>
public sealed class IndexModel : WebPage
{
    public IReadOnlyList<CallResponse> Calls { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect("/home");
        }

        Calls = (await Mediator.Send(new ListCallsQuery(PageSize: 50), cancellationToken)).Items;
        return Page();
    }
}
