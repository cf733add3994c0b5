using GrantHub.Core.Common;

namespace GrantHub.Core.Organisations;

/// <summary>
/// A member of an organisation never acts for the donor on that organisation's money or merit: never approves,
/// rejects, pays or releases its money (emergency requests and tranches), never reviews, ranks or decides its
/// applications and never records its due diligence. Maker-checker between people comes on top of this.
/// </summary>
public static class RelatedParty
{
    public const string Rule = "related-party";

    /// <param name="actorOrganisations">The organisations the acting user is a member of (owner or member).</param>
    /// <param name="concerned">The organisations the action is about (a request's organisation, a consortium).</param>
    /// <param name="refusal">What the refused user reads, e.g. "You are a member of this organisation and cannot pay its request."</param>
    public static void Ensure(IReadOnlySet<Guid> actorOrganisations, IEnumerable<Guid> concerned, string refusal)
    {
        if (Refusal(actorOrganisations, concerned, refusal) is { } exception)
        {
            throw exception;
        }
    }

    /// <summary>The refusal <see cref="Ensure"/> throws, or null: for screens that show it instead of offering the action.</summary>
    public static BusinessRuleException? Refusal(IReadOnlySet<Guid> actorOrganisations, IEnumerable<Guid> concerned, string refusal) =>
        Between(actorOrganisations, concerned) ? new BusinessRuleException(Rule, refusal) : null;

    public static bool Between(IReadOnlySet<Guid> actorOrganisations, IEnumerable<Guid> concerned) =>
        concerned.Any(actorOrganisations.Contains);
}
