using GrantHub.Api.Features.Calls;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;

namespace GrantHub.Api.Web.Pages.Applications;

/// <summary>The narrative fields of the editor, as typed (kept when a save is refused), with the call they answer.</summary>
public sealed record NarrativeForm(
    CallResponse Call,
    string? Title,
    string? Summary,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<string> Countries,
    IReadOnlyList<TargetGroup> TargetGroups,
    int DurationMonths);
