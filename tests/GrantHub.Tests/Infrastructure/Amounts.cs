using GrantHub.Core.Common;

namespace GrantHub.Tests.Infrastructure;

/// <summary>Amounts for domain tests, written in minor units as the entities count them.</summary>
public static class Amounts
{
    public static Money EuroCents(long minorUnits) => new(minorUnits, "EUR");
}
