using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

/// <summary>
/// Refuses the 10,000 most common passwords, whatever their letter case (NIST SP 800-63B 5.1.1.2): length is the
/// only other rule, with no composition rules. The list and its source are in Resources/common-passwords.*.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "This password is one of the most commonly used ones; choose a less predictable passphrase.",
            })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("GrantHub.Api.Resources.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
