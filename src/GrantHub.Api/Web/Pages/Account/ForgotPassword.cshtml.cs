using System.Text;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Web.Pages.Account;

/// <summary>
/// Sends a link to choose a new password, when SMTP is set. The answer is the same whether or not an account uses
/// the address, so the page never tells who has an account.
/// </summary>
public sealed class ForgotPasswordModel(
    UserManager<ApplicationUser> users,
    IEmailSender email,
    IOptions<SmtpOptions> smtp,
    IOptions<AppOptions> app,
    ILogger<ForgotPasswordModel> logger) : WebPage
{
    public bool EmailEnabled => smtp.Value.Enabled;

    public bool Sent { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!EmailEnabled)
        {
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), Text["Validation.Required"]);
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var baseUrl = (app.Value.PublicBaseUrl ?? $"{Request.Scheme}://{Request.Host}").TrimEnd('/');
            var link = $"{baseUrl}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={token}";
            try
            {
                await using var connection = await email.ConnectAsync(cancellationToken);
                await connection.SendAsync(
                    new OutgoingEmail($"<{Guid.NewGuid():N}@granthub>", user.Email!, user.DisplayName, Text["Account.ResetEmailSubject"], Text["Account.ResetEmailBody", link]),
                    cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Same answer as for an unknown address; the operator sees why in the log.
                logger.LogWarning(exception, "A password reset e-mail could not be sent.");
            }
        }

        Sent = true;
        return Page();
    }
}
