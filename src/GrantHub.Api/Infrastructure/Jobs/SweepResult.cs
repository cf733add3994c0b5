namespace GrantHub.Api.Infrastructure.Jobs;

/// <summary>
/// What a scheduled sweep changed (<see cref="Affected"/>), and where the sweep counts them, how many items it
/// found due and how many it could not handle. A sweep that changed nothing leaves no audit entry.
/// </summary>
public record SweepResult(int Affected, int? Found = null, int Failed = 0);
