using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Finance;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Finance;

/// <summary>
/// The finance officer's approvals queue: emergency requests first, soonest promise first, then due tranches. Items she
/// may not approve carry the reason the command would give, and no button.
/// </summary>
[Authorize(Policy = Policies.FinanceOfficer)]
public sealed class ApprovalsModel : WebPage
{
    public FinanceQueueResponse Queue { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Queue = await Mediator.Send(new GetFinanceQueueQuery(), cancellationToken);

    public Task<IActionResult> OnPostEmergencyAsync(Guid id, ApprovalDecision decision, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(() => Mediator.Send(new DecideEmergencyRequestCommand(id, decision, comment), cancellationToken).AsTask(), decision, cancellationToken);

    public Task<IActionResult> OnPostTrancheAsync(Guid id, int number, ApprovalDecision decision, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(() => Mediator.Send(new DecideTrancheCommand(id, number, decision, comment), cancellationToken).AsTask(), decision, cancellationToken);

    private async Task<IActionResult> DecideAsync(Func<Task> decide, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        if (await TryAsync(decide, _ => string.Empty))
        {
            Confirmation = Text[decision == ApprovalDecision.Approve ? "Finance.Approved" : "Finance.Rejected"];
            return RedirectToPage();
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
