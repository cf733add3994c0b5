using GrantHub.Api.Features.Users;

namespace GrantHub.Api.Web.Pages.Organisations;

public sealed class IndexModel : WebPage
{
    public IReadOnlyList<MyOrganisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organisations = (await Mediator.Send(new GetMeQuery(), cancellationToken)).Organisations;
}
