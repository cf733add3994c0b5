namespace GrantHub.Api.Infrastructure.Uploads;

/// <summary>Uploaded files (configuration section <c>Uploads</c>).</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";
    public const long DefaultMaxBytes = 25L * 1024 * 1024;

    /// <summary>Room in a multipart request for its boundaries and the form's other fields, on top of the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    /// <summary>The largest file accepted, in bytes (25 MB unless configured).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    public static long MaxBytesFrom(IConfiguration configuration) =>
        configuration.GetValue($"{Section}:{nameof(MaxBytes)}", DefaultMaxBytes);

    /// <summary>The largest request body an upload form or endpoint accepts: the file and the rest of the form.</summary>
    public static long MaxRequestBytesFrom(IConfiguration configuration) => MaxBytesFrom(configuration) + FormOverheadBytes;
}

/// <summary>
/// Marks an endpoint or page that takes a file: its request body may be as large as <see cref="UploadOptions.MaxRequestBytesFrom"/>
/// instead of <c>Limits:MaxRequestBodyBytes</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AcceptsUploadsAttribute : Attribute;
