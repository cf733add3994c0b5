using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Applications;
using GrantHub.Core.Reviews;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Reviews;

public class DemoReviewsTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Both_demo_reviewers_review_the_demo_application_one_has_submitted_the_other_still_has_to_declare()
    {
        var first = await (await (await factory.Reviewer()).GetAsync("/api/reviews/mine")).ReadAs<PagedResponse<ReviewAssignmentResponse>>();
        var second = await (await (await factory.ClientFor("reviewer2@granthub.local")).GetAsync("/api/reviews/mine"))
            .ReadAs<PagedResponse<ReviewAssignmentResponse>>();

        var submitted = Assert.Single(first.Items);
        var awaiting = Assert.Single(second.Items);
        Assert.Equal(DemoData.SubmittedApplicationTitle, submitted.ApplicationTitle);
        Assert.Equal(submitted.ApplicationId, awaiting.ApplicationId);
        Assert.Equal(ReviewStatus.Submitted, submitted.Status);
        Assert.Equal(submitted.Rubric.Count, submitted.Scores.Count);
        Assert.InRange(submitted.WeightedScore!.Value, 0m, 100m);
        Assert.Equal(ReviewStatus.Assigned, awaiting.Status);
        var application = await (await (await factory.Reviewer()).GetAsync($"/api/applications/{submitted.ApplicationId}")).ReadAs<ApplicationResponse>();
        Assert.Equal(ApplicationStatus.UnderReview, application.Status);
    }

    [Fact]
    public async Task Seeding_again_adds_no_review()
    {
        var before = await factory.WithDb(db => db.ReviewAssignments.CountAsync());

        await factory.WithScope(services => services.GetRequiredService<DemoData>().SeedAsync());

        Assert.Equal(before, await factory.WithDb(db => db.ReviewAssignments.CountAsync()));
    }
}
