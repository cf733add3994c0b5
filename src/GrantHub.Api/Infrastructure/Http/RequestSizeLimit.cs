namespace GrantHub.Api.Infrastructure.Http;

public static class RequestSizeLimit
{
    /// <summary>
    /// Refuses a declared body larger than <c>Limits:MaxRequestBodyBytes</c> with 413 before anything reads it.
    /// Kestrel enforces the same limit on chunked bodies as they stream in.
    /// </summary>
    public static IApplicationBuilder UseRequestSizeLimit(this WebApplication app)
    {
        var limit = app.Configuration.GetValue("Limits:MaxRequestBodyBytes", 1_048_576L);
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException(
                    $"The request body is larger than the {limit:N0} bytes allowed.", StatusCodes.Status413PayloadTooLarge);
            }

            await next(context);
        });
    }
}
