using GrantHub.Api.Features.Calls;
using GrantHub.Core.Calls;
using GrantHub.Core.Identity;

namespace GrantHub.Api.Web.Pages.Calls;

/// <summary>Open calls for everyone; every call, drafts included, as a table for the officers who run them.</summary>
public sealed class IndexModel : WebPage
{
    public IReadOnlyList<CallResponse> Calls { get; private set; } = [];

    public bool RunsCalls => User.IsInRole(Roles.ProgrammeOfficer) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Calls = (await Mediator.Send(new ListCallsQuery(PageSize: 100, Status: RunsCalls ? null : CallStatus.Open), cancellationToken)).Items;
}
