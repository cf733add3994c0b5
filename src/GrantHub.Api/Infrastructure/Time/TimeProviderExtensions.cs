namespace GrantHub.Api.Infrastructure.Time;

public static class TimeProviderExtensions
{
    /// <summary>Today's date in UTC: the day against which planned dates and deadlines are compared.</summary>
    public static DateOnly UtcToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
