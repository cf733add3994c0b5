using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Organisations;

namespace GrantHub.Api.Web.Pages.Organisations;

/// <summary>The profile, for its members and overseeing staff only (others get the 404 page); its title never names it.</summary>
public sealed class DetailsModel : WebPage
{
    public OrganisationResponse? Organisation { get; private set; }

    /// <summary>Owners may edit the profile.</summary>
    public bool IsOwner { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Organisation = await Mediator.Send(new GetOrganisationQuery(id), cancellationToken);
        IsOwner = (await Mediator.Send(new GetMeQuery(), cancellationToken)).Organisations.Any(o => o.Id == id && o.Role == MembershipRole.Owner);
    }
}
