using GrantHub.Api.Features.OpenData;
using GrantHub.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.OpenData;

/// <summary>
/// Staff download the open-data files (the API's streamed exports, in either language) and an admin publishes them for
/// the public endpoint, with the same command as <c>POST /api/open-data/publish</c>.
/// </summary>
[Authorize(Policy = Policies.AdminProgrammeOrFinance)]
public sealed class IndexModel : WebPage
{
    public static readonly (string FileName, string Format)[] Exports =
        [("360giving.json", "360Giving JSON"), ("360giving.csv", "360Giving CSV"), ("iati.xml", "IATI 2.03 XML")];

    public bool MayPublish => User.IsInRole(GrantHub.Core.Identity.Roles.Admin);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (!MayPublish)
        {
            return Forbid();
        }

        if (await TryAsync(() => Mediator.Send(new PublishOpenDataCommand(), cancellationToken).AsTask()))
        {
            Confirmation = Text["OpenData.PublishedNow"];
            return RedirectToPage();
        }

        return Page();
    }
}
