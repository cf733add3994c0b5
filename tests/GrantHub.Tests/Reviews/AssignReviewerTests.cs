using System.Net;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Reviews;
using GrantHub.Core.Applications;
using GrantHub.Core.Organisations;
using GrantHub.Core.Reviews;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Reviews;

public class AssignReviewerTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task An_officer_assigns_a_reviewer_who_is_told_and_the_application_goes_under_review()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var officer = await factory.Officer();
        var dueAt = factory.StoredNow.AddDays(10);

        var response = await officer.AssignReviewer(consortium.Id, reviewer.Id, dueAt);

        var assignment = await response.ReadJson(HttpStatusCode.Created);
        var id = assignment.GetProperty("id").GetGuid();
        Assert.Equal($"/api/reviews/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(consortium.Id, assignment.GetProperty("applicationId").GetGuid());
        Assert.Equal(reviewer.Id, assignment.GetProperty("reviewerUserId").GetGuid());
        Assert.Equal(dueAt, assignment.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("Assigned", assignment.GetProperty("status").GetString());
        Assert.Equal(ApplicationStatus.UnderReview, (await consortium.Lead.Client.Get(consortium.Id)).Status);
        var notification = Assert.Single(await reviewer.Client.Notifications());
        Assert.Equal("review-assigned", notification.Kind);
        Assert.Contains(consortium.Application.Title, notification.Body);
    }

    [Fact]
    public async Task A_second_reviewer_joins_an_application_already_under_review()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.Assign(consortium.Id, await factory.NewReviewer());

        var second = await factory.Assign(consortium.Id, await factory.NewReviewer());

        Assert.Equal(ReviewStatus.Assigned, second.Status);
        Assert.Equal(2, (await factory.ReviewsOf(consortium.Id)).Items.Count);
    }

    [Fact]
    public async Task A_member_of_a_consortium_organisation_cannot_review_its_application()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        // Staff cannot accept an invitation today; the membership predates that rule.
        await factory.AddMember(consortium.Partner.OrganisationId, reviewer.Id);
        var officer = await factory.Officer();

        var response = await officer.AssignReviewer(consortium.Id, reviewer.Id, factory.Clock.GetUtcNow().AddDays(10));

        await response.ShouldBreakRule("related-party");
        Assert.Equal(ApplicationStatus.Submitted, (await consortium.Lead.Client.Get(consortium.Id)).Status);
        Assert.Empty((await factory.ReviewsOf(consortium.Id)).Items);
    }

    [Fact]
    public async Task A_reviewer_is_assigned_to_an_application_once()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        await factory.Assign(consortium.Id, reviewer);
        var officer = await factory.Officer();

        var response = await officer.AssignReviewer(consortium.Id, reviewer.Id, factory.Clock.GetUtcNow().AddDays(10));

        await response.ShouldBreakRule("reviewer-already-assigned");
    }

    [Fact]
    public async Task Only_users_with_the_reviewer_role_can_be_assigned()
    {
        var consortium = await factory.SubmittedConsortium();
        var officer = await factory.Officer();
        var financeOfficer = await factory.UserId("finance@granthub.local");
        var dueAt = factory.StoredNow.AddDays(10);

        await (await officer.AssignReviewer(consortium.Id, financeOfficer, dueAt)).ShouldBeInvalid("reviewerUserId");
        await (await officer.AssignReviewer(consortium.Id, Guid.NewGuid(), dueAt)).ShouldBeInvalid("reviewerUserId");
        await (await officer.AssignReviewer(consortium.Id, Guid.Empty, dueAt)).ShouldBeInvalid("reviewerUserId");
    }

    [Fact]
    public async Task A_review_must_be_due_in_the_future()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var officer = await factory.Officer();

        await (await officer.AssignReviewer(consortium.Id, reviewer.Id, factory.Clock.GetUtcNow())).ShouldBeInvalid("dueAt");
        await (await officer.PostJson($"/api/applications/{consortium.Id}/reviewers", new { reviewerUserId = reviewer.Id, dueAt = "soon" }))
            .ShouldBeInvalid("dueAt");
    }

    [Fact]
    public async Task Only_a_submitted_application_is_reviewed()
    {
        var draft = await factory.ReadyConsortium();
        var reviewer = await factory.NewReviewer();
        var officer = await factory.Officer();

        var response = await officer.AssignReviewer(draft.Id, reviewer.Id, factory.Clock.GetUtcNow().AddDays(10));

        await response.ShouldBreakRule("application-not-reviewable");
        await (await officer.AssignReviewer(Guid.NewGuid(), reviewer.Id, factory.Clock.GetUtcNow().AddDays(10))).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_programme_officers_assign_reviewers()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var dueAt = factory.StoredNow.AddDays(10);

        foreach (var client in new[] { await factory.Admin(), await factory.Finance(), reviewer.Client, consortium.Lead.Client })
        {
            await (await client.AssignReviewer(consortium.Id, reviewer.Id, dueAt)).ShouldBe(HttpStatusCode.Forbidden);
        }

        Assert.Equal(ApplicationStatus.Submitted, (await consortium.Lead.Client.Get(consortium.Id)).Status);
    }
}
