using GrantHub.Api.Features.Calls;

namespace GrantHub.Api.Web.Pages.Calls;

public sealed class DetailsModel : WebPage
{
    public CallResponse? Call { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Call = await Mediator.Send(new GetCallQuery(id), cancellationToken);
}
