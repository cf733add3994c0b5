using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Admin;

/// <summary>
/// Accounts and their roles; an admin creates staff accounts, disables (signs out everywhere) or re-enables one, and takes
/// away a second factor (after a confirmation step) so that its owner enrols again.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel : WebPage
{
    public PagedResponse<StaffUserResponse> Users { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public static IReadOnlyList<string> AllRoles => GrantHub.Core.Identity.Roles.All;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await Mediator.Send(new ListUsersQuery(Math.Max(PageNumber, 1), Paging.MaxPageSize), cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new CreateStaffUserCommand(Email?.Trim() ?? "", Password ?? "", DisplayName ?? "", Roles), cancellationToken).AsTask()))
        {
            Confirmation = Text["Admin.UserCreated", Email!.Trim()];
            return RedirectToPage();
        }

        Password = null;
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(() => Mediator.Send(new DisableUserCommand(id), cancellationToken).AsTask(), "Admin.UserDisabled", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(() => Mediator.Send(new EnableUserCommand(id), cancellationToken).AsTask(), "Admin.UserEnabled", cancellationToken);

    public Task<IActionResult> OnPostResetSecondFactorAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(() => Mediator.Send(new ResetSecondFactorCommand(id), cancellationToken).AsTask(), "Admin.SecondFactorReset", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task> action, string confirmation, CancellationToken cancellationToken)
    {
        if (await TryAsync(action, _ => string.Empty))
        {
            Confirmation = Text[confirmation];
            return RedirectToPage();
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
