using GrantHub.Api.Features.Calls;
using GrantHub.Core.Calls;

namespace GrantHub.Api.Web.Pages.Calls;

public sealed class IndexModel : WebPage
{
    public IReadOnlyList<CallResponse> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Calls = (await Mediator.Send(new ListCallsQuery(PageSize: 100, Status: CallStatus.Open), cancellationToken)).Items;
}
