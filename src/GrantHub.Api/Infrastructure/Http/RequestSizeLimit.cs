using GrantHub.Api.Infrastructure.Uploads;
using Microsoft.AspNetCore.Http.Features;

namespace GrantHub.Api.Infrastructure.Http;

public static class RequestSizeLimit
{
    /// <summary>
    /// Refuses a declared body larger than <c>Limits:MaxRequestBodyBytes</c> with 413 before anything reads it; endpoints and
    /// pages that take a file (<see cref="AcceptsUploadsAttribute"/>) allow <c>Uploads:MaxBytes</c> and the rest of their form
    /// instead. Kestrel enforces the same limit on chunked bodies as they stream in.
    /// </summary>
    public static IApplicationBuilder UseRequestSizeLimit(this WebApplication app)
    {
        var limit = app.Configuration.GetValue("Limits:MaxRequestBodyBytes", 1_048_576L);
        var uploadLimit = UploadOptions.MaxRequestBytesFrom(app.Configuration);
        return app.Use(async (context, next) =>
        {
            var allowed = context.GetEndpoint()?.Metadata.GetMetadata<AcceptsUploadsAttribute>() is null ? limit : uploadLimit;
            if (context.Request.ContentLength > allowed)
            {
                throw new BadHttpRequestException(
                    $"The request body is larger than the {allowed:N0} bytes allowed.", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = allowed;
            }

            await next(context);
        });
    }
}
