using GrantHub.Api.Features.Emergency;

namespace GrantHub.Api.Web.Pages.Emergency;

public sealed class DetailsModel : WebPage
{
    public EmergencyRequestResponse Emergency { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Emergency = await Mediator.Send(new GetEmergencyRequestQuery(id), cancellationToken);
}
