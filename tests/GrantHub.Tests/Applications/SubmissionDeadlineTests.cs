using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using GrantHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Applications;

/// <summary>
/// The application with a busy deadline day built in: every submission waits two minutes (on the test clock) between
/// reaching the server and being handled, as it would behind hundreds of others.
/// </summary>
public sealed class BusyDeadlineFactory : GrantHubFactory
{
    public static readonly TimeSpan Queueing = TimeSpan.FromMinutes(2);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new QueueingSubmissions(Clock)));
    }

    private sealed class QueueingSubmissions(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, pipeline) =>
            {
                if (context.Request.Path.Value?.EndsWith("/submit", StringComparison.Ordinal) == true)
                {
                    clock.Advance(Queueing);
                }

                return pipeline(context);
            });
            next(app);
        };
    }
}

public class SubmissionDeadlineTests(BusyDeadlineFactory factory) : IClassFixture<BusyDeadlineFactory>
{
    [Fact]
    public async Task A_submission_that_reached_the_server_before_the_deadline_is_on_time_even_when_handled_after_it()
    {
        var consortium = await factory.ReadyConsortium();
        var arrival = consortium.Call.ClosesAt.AddSeconds(-30);
        factory.Clock.SetUtcNow(arrival);

        var submitted = await (await consortium.Lead.Client.Submit(consortium.Application.Id)).ReadAs<ApplicationResponse>();

        Assert.True(factory.Clock.GetUtcNow() > consortium.Call.ClosesAt, "The submission was handled after the deadline.");
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.Equal(arrival, submitted.SubmittedAt);
    }

    [Fact]
    public async Task A_submission_that_reached_the_server_after_the_deadline_is_refused()
    {
        var consortium = await factory.ReadyConsortium();
        factory.Clock.SetUtcNow(consortium.Call.ClosesAt.AddSeconds(1));

        await (await consortium.Lead.Client.Submit(consortium.Application.Id)).ShouldBreakRule("call-closed");
    }
}
