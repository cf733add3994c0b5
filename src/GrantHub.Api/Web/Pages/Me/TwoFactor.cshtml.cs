using GrantHub.Api.Features.Auth;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Me;

/// <summary>
/// The account's second factor: enrol an authenticator app (its key in groups of four and its otpauth:// address, then a
/// first code), see the recovery codes once, renew them, or turn the factor off. Staff who must enrol are sent here.
/// </summary>
public sealed class TwoFactorModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : WebPage
{
    public TwoFactorStatusResponse Status { get; private set; } = null!;

    /// <summary>Shown once, right after enrolling or renewing them.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>Staff whose session has not yet proved a second factor: they can do nothing else until it has.</summary>
    public bool MustEnrol => SecondFactor.IsRequiredFor(User) && !SecondFactor.WasProvedBy(User);

    [BindProperty]
    public string? Code { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Status = await Mediator.Send(new GetTwoFactorStatusQuery(), cancellationToken);

    public async Task<IActionResult> OnPostSetupAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new BeginTwoFactorEnrolmentCommand(), cancellationToken).AsTask(), _ => string.Empty))
        {
            return RedirectToPage();
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        RecoveryCodesResponse? enabled = null;
        if (!await TryAsync(async () => enabled = await Mediator.Send(new EnableTwoFactorCommand(Code ?? ""), cancellationToken)))
        {
            Code = null;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        // Enrolling ended every session; this one goes on, having just proved the code.
        await signIn.SignInWithClaimsAsync(await CurrentAccountAsync(), isPersistent: false, [SecondFactor.Proof]);
        Confirmation = Text["TwoFactor.Enabled"];
        return await ShowCodesAsync(enabled!, cancellationToken);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        RecoveryCodesResponse? renewed = null;
        if (!await TryAsync(async () => renewed = await Mediator.Send(new RenewRecoveryCodesCommand(), cancellationToken), _ => string.Empty))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        Confirmation = Text["TwoFactor.CodesRenewed"];
        return await ShowCodesAsync(renewed!, cancellationToken);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        if (!await TryAsync(() => Mediator.Send(new DisableTwoFactorCommand(), cancellationToken).AsTask(), _ => string.Empty))
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        // Every session ended; this one stays signed in, with the password alone now.
        await signIn.SignInAsync(await CurrentAccountAsync(), isPersistent: false);
        Confirmation = Text["TwoFactor.Disabled"];
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowCodesAsync(RecoveryCodesResponse codes, CancellationToken cancellationToken)
    {
        RecoveryCodes = codes.RecoveryCodes;
        await OnGetAsync(cancellationToken);
        return Page();
    }

    private async Task<ApplicationUser> CurrentAccountAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
}
