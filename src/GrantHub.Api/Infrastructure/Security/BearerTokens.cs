namespace GrantHub.Api.Infrastructure.Security;

public static class BearerTokens
{
    public static bool CarriedBy(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
