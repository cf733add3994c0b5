using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace GrantHub.Api.Web.Pages.Reviews;

/// <summary>The reviewer's own assignments, soonest due first; nobody else's are ever listed.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class IndexModel(TimeProvider clock) : WebPage
{
    public IReadOnlyList<ReviewAssignmentResponse> Assignments { get; private set; } = [];

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Assignments = (await Mediator.Send(new ListMyReviewsQuery(PageSize: 100), cancellationToken)).Items;
}
