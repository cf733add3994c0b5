using GrantHub.Api.Infrastructure.Security;

namespace GrantHub.Api.Infrastructure.Uploads;

public static class UploadEndpoints
{
    /// <summary>
    /// An API endpoint that takes a multipart form with a file: its body may reach <c>Uploads:MaxBytes</c>, and it accepts
    /// only bearer tokens (so no antiforgery token is needed: a foreign page cannot send the visitor's bearer token).
    /// </summary>
    public static RouteHandlerBuilder TakesFileUpload(this RouteHandlerBuilder endpoint) =>
        endpoint
            .DisableAntiforgery()
            .WithMetadata(new AcceptsUploadsAttribute())
            .RequireAuthorization(Policies.BearerToken)
            .Accepts<IFormFile>("multipart/form-data");
}
