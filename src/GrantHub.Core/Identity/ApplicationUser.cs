using Microsoft.AspNetCore.Identity;

namespace GrantHub.Core.Identity;

public class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
}
