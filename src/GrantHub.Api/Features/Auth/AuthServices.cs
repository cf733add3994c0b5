using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

public static class AuthServices
{
    /// <summary>Sessions, sign-in throttling, the second factor and the common-password check that the accounts use.</summary>
    public static IServiceCollection AddAuthFeature(this IServiceCollection services) =>
        services
            .AddScoped<AccountSessions>()
            .AddSingleton<SignInThrottle>()
            .AddScoped<CredentialCheck>()
            .AddScoped<SecondFactorCheck>()
            .AddScoped<IPasswordValidator<ApplicationUser>, CommonPasswordValidator>();
}
