using Microsoft.AspNetCore.Http.Features;

namespace GrantHub.Api.Infrastructure.Uploads;

public static class FilesServices
{
    /// <summary>
    /// <c>Uploads:MaxBytes</c> bounds every uploaded file; multipart forms may carry that much (plus their other fields), and
    /// the request size limit raises itself to it on the endpoints and pages that take files.
    /// </summary>
    public static IServiceCollection AddGrantHubUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UploadOptions>(configuration.GetSection(UploadOptions.Section));
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = UploadOptions.MaxRequestBytesFrom(configuration));
        return services;
    }
}
