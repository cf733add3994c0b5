using GrantHub.Api.Features.Funds;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Finance;

/// <summary>One fund's figures and history; an admin tops it up with the same command as <c>POST /api/funds/{id}/top-ups</c>.</summary>
[Authorize(Policy = Policies.AdminProgrammeOrFinance)]
public sealed class FundModel : WebPage
{
    public FundHistoryResponse History { get; private set; } = null!;

    public bool MayTopUp => User.IsInRole(Roles.Admin);

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        History = await Mediator.Send(new GetFundHistoryQuery(id), cancellationToken);

    public async Task<IActionResult> OnPostTopUpAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!MayTopUp)
        {
            return Forbid();
        }

        if (WebText.ParseAmount(Amount) is not { } amount)
        {
            ModelState.AddModelError(nameof(Amount), Text["Validation.Amount"]);
        }
        else if (await TryAsync(() => Mediator.Send(new TopUpFundCommand(id, amount, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim()), cancellationToken).AsTask()))
        {
            Confirmation = Text["Funds.ToppedUp"];
            return RedirectToPage(new { id });
        }

        await OnGetAsync(id, cancellationToken);
        return Page();
    }
}
