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
            .AddScoped<IPasswordValidator<ApplicationUser>, CommonPasswordValidator>()
            // The cookie's principal is rebuilt at every stamp check: it keeps the proof of a second factor, which Identity drops.
            .Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = refreshing =>
            {
                if (refreshing.CurrentPrincipal is { } current && refreshing.NewPrincipal is { } fresh)
                {
                    SecondFactor.CarryProof(current, fresh);
                }

                return Task.CompletedTask;
            });
}
