using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Emergency;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Emergency;

/// <summary>An emergency request; once paid, its optional light report, which the organisation's members may send.</summary>
public sealed class DetailsModel : WebPage
{
    public EmergencyRequestResponse Emergency { get; private set; } = null!;
    public EmergencyLightReportResponse? LightReport { get; private set; }
    public bool MayReport { get; private set; }

    [BindProperty] public string? HowMoneyWasUsed { get; set; }
    [BindProperty] public string? AnythingElse { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostLightReportAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new SubmitLightReportCommand(id, HowMoneyWasUsed, AnythingElse), cancellationToken).AsTask()))
        {
            Confirmation = Text["LightReport.Thanks"];
            return LocalRedirect($"/emergency/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Emergency = await Mediator.Send(new GetEmergencyRequestQuery(id), cancellationToken);
        if (Emergency.Status == EmergencyRequestStatus.Paid)
        {
            LightReport = await Mediator.Send(new GetLightReportQuery(id), cancellationToken);
            MayReport = !LightReport.Submitted
                && (await Mediator.Send(new GetMyMembershipsQuery(), cancellationToken)).ContainsKey(Emergency.OrganisationId);
        }
    }
}
