using Microsoft.AspNetCore.Identity;

namespace GrantHub.Core.Identity;

public class ApplicationUser : IdentityUser<Guid>
{
    public const int MaxCultureLength = 10;

    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The language notifications and e-mails are written in for this person (e.g. <c>fr</c>): the last one she chose
    /// or signed in with in the web application; none means English.
    /// </summary>
    public string? PreferredCulture { get; set; }

    /// <summary>The placeholder address of an erased account; <c>.invalid</c> never receives mail.</summary>
    public static string ErasedEmail(Guid id) => $"erased-{id:N}@erased.invalid";

    public bool IsErased => Email == ErasedEmail(Id);

    /// <summary>
    /// Erases what identifies the person, keeping the row (and its id) that financial and historical records refer to:
    /// the address, name, telephone and password go, the account can never sign in again and its security stamp changes,
    /// so every token it held stops working.
    /// </summary>
    public void Erase()
    {
        Email = UserName = ErasedEmail(Id);
        NormalizedEmail = NormalizedUserName = Email.ToUpperInvariant();
        EmailConfirmed = false;
        DisplayName = "";
        PreferredCulture = null;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        PasswordHash = null;
        TwoFactorEnabled = false;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        AccessFailedCount = 0;
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}
