using GrantHub.Core.Common;

namespace GrantHub.Api.Features.Emergency;

/// <summary>The decision promise and limits of rapid-response funding (configuration section <c>Emergency</c>).</summary>
public sealed class EmergencyOptions
{
    public const string Section = "Emergency";

    /// <summary>Undecided requests are escalated to every finance officer after this many hours.</summary>
    public int EscalationHours { get; set; } = 48;

    /// <summary>The promise: a decision within this many hours of submission; later is a breach.</summary>
    public int DecisionPromiseHours { get; set; } = 72;

    /// <summary>
    /// Most an organisation may receive over a rolling 12 months, per currency (major units): money in different
    /// currencies cannot be added without exchange rates. A currency without an entry has no limit.
    /// </summary>
    public Dictionary<string, decimal> PerOrganisationLimit { get; set; } = new(StringComparer.Ordinal) { ["EUR"] = 20_000m };

    public TimeSpan DecisionPromise => TimeSpan.FromHours(DecisionPromiseHours);

    public TimeSpan Escalation => TimeSpan.FromHours(EscalationHours);

    /// <summary>The limit in <paramref name="currency"/>, or null when that currency has none.</summary>
    public Money? LimitFor(string currency) =>
        PerOrganisationLimit.TryGetValue(currency, out var limit) ? Money.Of(limit, currency) : null;

    public bool IsValid() =>
        EscalationHours > 0
        && DecisionPromiseHours > EscalationHours
        && PerOrganisationLimit.All(l => Currencies.IsKnown(l.Key) && l.Value >= 0 && Money.HasValidPrecision(l.Value, l.Key));
}
