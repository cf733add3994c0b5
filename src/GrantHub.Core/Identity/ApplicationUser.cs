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
}
