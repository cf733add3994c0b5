using GrantHub.Api.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.OpenData;

/// <summary>
/// Writes the three files (in the configured language) to the publish folder, which the anonymous endpoint serves when
/// <c>OpenData:Publish</c> is on. Reading a large portfolio takes a while, so it holds no database transaction.
/// </summary>
public record PublishOpenDataCommand : ICommand<PublishedOpenDataResponse>, ICommitsItsOwnSteps;

public sealed class PublishOpenDataHandler(
    OpenDataPortfolio portfolio, PublishedOpenDataFiles files, IOptions<OpenDataOptions> options, TimeProvider clock)
    : ICommandHandler<PublishOpenDataCommand, PublishedOpenDataResponse>
{
    public async ValueTask<PublishedOpenDataResponse> Handle(PublishOpenDataCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var context = new OpenDataExportContext(options.Value, options.Value.Language, now);
        var published = new List<PublishedFileResponse>();
        foreach (var format in OpenDataFiles.All)
        {
            var write = await OpenDataFiles.PrepareAsync(format, portfolio, context, cancellationToken);
            published.Add(await files.StageAsync(format, write, cancellationToken));
        }

        var manifest = new PublishedOpenDataResponse(now, published);
        await files.CommitAsync(manifest, cancellationToken);
        return manifest;
    }
}
