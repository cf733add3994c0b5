using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.OpenData;

/// <summary>One published file: what the public endpoint serves, with its SHA-256 as ETag.</summary>
public sealed record PublishedFileResponse(string FileName, string ContentType, string Sha256, long Bytes, int Grants);

public sealed record PublishedOpenDataResponse(DateTimeOffset PublishedAt, IReadOnlyList<PublishedFileResponse> Files);

/// <summary>
/// The last published files, in <see cref="OpenDataOptions.PublishFolder"/> (share it between instances). Each file is
/// written to a temporary name and moved into place, and the manifest (<c>manifest.json</c>: hashes, sizes, counts)
/// last, so a reader sees either the previous publication or the new one.
/// </summary>
public sealed class PublishedOpenDataFiles(IOptions<OpenDataOptions> options, IHostEnvironment environment)
{
    private const string ManifestName = "manifest.json";
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web);

    public string Folder => Path.GetFullPath(options.Value.PublishFolder, environment.ContentRootPath);

    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public async Task<PublishedOpenDataResponse?> ManifestAsync(CancellationToken cancellationToken)
    {
        var path = PathOf(ManifestName);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<PublishedOpenDataResponse>(stream, ManifestJson, cancellationToken);
    }

    /// <summary>Writes one file through <paramref name="write"/> to a temporary name and returns its hash; <see cref="CommitAsync"/> moves it in.</summary>
    public async Task<PublishedFileResponse> StageAsync(
        OpenDataFormat format, Func<Stream, CancellationToken, Task<int>> write, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var fileName = OpenDataFiles.FileName(format);
        var staging = PathOf(fileName + ".staging");
        int grants;
        await using (var file = new FileStream(staging, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            grants = await write(file, cancellationToken);
        }

        string sha256;
        await using (var file = new FileStream(staging, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        return new PublishedFileResponse(fileName, OpenDataFiles.ContentType(format), sha256, new FileInfo(staging).Length, grants);
    }

    public async Task CommitAsync(PublishedOpenDataResponse manifest, CancellationToken cancellationToken)
    {
        foreach (var file in manifest.Files)
        {
            File.Move(PathOf(file.FileName + ".staging"), PathOf(file.FileName), overwrite: true);
        }

        var staging = PathOf(ManifestName + ".staging");
        await using (var stream = File.Create(staging))
        {
            await JsonSerializer.SerializeAsync(stream, manifest, ManifestJson, cancellationToken);
        }

        File.Move(staging, PathOf(ManifestName), overwrite: true);
    }
}
