using GrantHub.Api.Features.Calls;
using GrantHub.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace GrantHub.Api.Web.Pages.Officer;

/// <summary>The call's undecided applications best first, with the running total against what the fund still has.</summary>
[Authorize(Policy = Policies.AdminOrProgrammeOfficer)]
public sealed class RankingModel : WebPage
{
    public CallResponse Call { get; private set; } = null!;
    public CallRankingResponse Ranking { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Call = await Mediator.Send(new GetCallQuery(id), cancellationToken);
        Ranking = await Mediator.Send(new GetCallRankingQuery(id), cancellationToken);
    }
}
