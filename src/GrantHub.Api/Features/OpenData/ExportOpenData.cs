using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.OpenData;

/// <summary>A file to stream to the caller: written only when the response body is, never held in memory.</summary>
public sealed record OpenDataExport(string ContentType, string FileName, Func<Stream, CancellationToken, Task<int>> WriteAsync);

/// <summary>Every awarded grant as a 360Giving package, its flattened CSV or an IATI activities file; language en or fr.</summary>
public record ExportOpenDataQuery(OpenDataFormat Format, string? Lang = null) : IQuery<OpenDataExport>;

public sealed class ExportOpenDataValidator : AbstractValidator<ExportOpenDataQuery>
{
    public ExportOpenDataValidator()
    {
        RuleFor(q => q.Format).IsInEnum();
        RuleFor(q => q.Lang).Must(OpenDataTexts.IsSupported).When(q => q.Lang is not null).WithMessage("lang is en or fr.");
    }
}

public sealed class ExportOpenDataHandler(OpenDataPortfolio portfolio, IOptions<OpenDataOptions> options, TimeProvider clock)
    : IQueryHandler<ExportOpenDataQuery, OpenDataExport>
{
    public async ValueTask<OpenDataExport> Handle(ExportOpenDataQuery query, CancellationToken cancellationToken)
    {
        var context = new OpenDataExportContext(options.Value, query.Lang ?? options.Value.Language, clock.GetUtcNow());
        var write = await OpenDataFiles.PrepareAsync(query.Format, portfolio, context, cancellationToken);
        return new OpenDataExport(OpenDataFiles.ContentType(query.Format), OpenDataFiles.FileName(query.Format), write);
    }
}
