namespace GrantHub.Api.Infrastructure.Time;

/// <summary>
/// When the request reached GrantHub, read before anything else ran. A deadline a person met is judged by it: on a busy
/// deadline day a submission that arrived on time may wait its turn behind others and be handled after the deadline,
/// and it must not be refused for the server's slowness. Scheduled jobs have no request: <see cref="OrNow"/> is then
/// the present.
/// </summary>
public sealed class RequestArrival
{
    public DateTimeOffset? At { get; private set; }

    public DateTimeOffset OrNow(TimeProvider clock) => At ?? clock.GetUtcNow();

    /// <summary>Outermost in the pipeline (a startup filter), so that time spent in the rest of it counts as waiting.</summary>
    internal sealed class Recorder(TimeProvider clock) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, pipeline) =>
            {
                context.RequestServices.GetRequiredService<RequestArrival>().At = clock.GetUtcNow();
                return pipeline(context);
            });
            next(app);
        };
    }
}
