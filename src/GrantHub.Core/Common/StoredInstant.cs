namespace GrantHub.Core.Common;

/// <summary>
/// The precision at which every supported database keeps an instant. SQLite stores a DateTimeOffset through
/// EF's <c>DateTimeOffsetToBinaryConverter</c>, which keeps whole 0.1 ms (1,000 ticks, truncated); SQL Server's
/// <c>datetimeoffset(7)</c> keeps every 100 ns tick. An instant truncated to whole 0.1 ms in UTC is therefore
/// stored and read back unchanged by both, so anything hashed or compared after a round trip must use it.
/// </summary>
public static class StoredInstant
{
    public const long TicksPerUnit = TimeSpan.TicksPerMillisecond / 10;

    public static DateTimeOffset Normalise(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % TicksPerUnit), TimeSpan.Zero);
    }

    public static DateTimeOffset? Normalise(DateTimeOffset? instant) => instant is { } value ? Normalise(value) : null;
}
