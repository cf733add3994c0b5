namespace GrantHub.Api.Features.OpenData;

/// <summary>What every export writer needs besides the grants: the configuration, the language and the issue time.</summary>
public sealed record OpenDataExportContext(OpenDataOptions Options, string Language, DateTimeOffset Issued);
