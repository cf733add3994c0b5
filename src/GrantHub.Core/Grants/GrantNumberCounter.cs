using System.Globalization;

namespace GrantHub.Core.Grants;

/// <summary>
/// The single seeded row that numbers grants. It is only ever incremented in SQL, inside the award's transaction, so
/// the row stays locked until that transaction ends: concurrent awards queue for the next number instead of racing.
/// </summary>
public class GrantNumberCounter
{
    public const int SingletonId = 1;

    private GrantNumberCounter()
    {
    }

    public int Id { get; private set; }
    public long LastNumber { get; private set; }

    /// <summary>The award year and a running number that continues across years: <c>GH-2026-0001</c>.</summary>
    public static string Format(DateTimeOffset awardedAt, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"GH-{awardedAt.UtcDateTime.Year}-{number:D4}");

    internal static GrantNumberCounter Seed() => new() { Id = SingletonId };
}
