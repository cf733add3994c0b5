namespace GrantHub.Api.Infrastructure.Jobs;

/// <summary>What a scheduled sweep changed. A sweep that changed nothing leaves no audit entry.</summary>
public record SweepResult(int Affected);
