using GrantHub.Api.Features.Applications;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Applications;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Applications;

public class DemoApplicationsTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task The_demo_consortium_has_an_application_under_review_and_a_draft_the_partner_still_has_to_confirm()
    {
        var lead = await factory.Lead();
        var partner = await factory.Partner();

        var page = await (await lead.GetAsync("/api/applications")).ReadAs<PagedResponse<ApplicationResponse>>();

        var submitted = Assert.Single(page.Items, a => a.Status == ApplicationStatus.UnderReview);
        var draft = Assert.Single(page.Items, a => a.Status == ApplicationStatus.Draft);
        Assert.Equal(DemoData.SubmittedApplicationTitle, submitted.Title);
        Assert.Equal(190_000m, submitted.RequestedTotal);
        Assert.All(submitted.Members, m => Assert.Equal(ConsortiumMemberStatus.Confirmed, m.Status));
        Assert.Equal([DemoData.LeadOrganisationName, DemoData.PartnerOrganisationAlias], submitted.Members.Select(m => m.OrganisationName));
        Assert.NotEqual(submitted.CallId, draft.CallId);
        var invitedPartner = draft.Members.Single(m => m.Role == ConsortiumRole.Partner);
        Assert.Equal(ConsortiumMemberStatus.Invited, invitedPartner.Status);

        var partnerSees = await (await partner.GetAsync("/api/applications")).ReadAs<PagedResponse<ApplicationResponse>>();
        Assert.Equal(new[] { submitted.Id, draft.Id }.Order(), partnerSees.Items.Select(a => a.Id).Order());
        var confirmed = await (await partner.PostJson($"/api/applications/{draft.Id}/partners/{invitedPartner.OrganisationId}/confirm"))
            .ReadAs<ApplicationResponse>();
        Assert.All(confirmed.Members, m => Assert.Equal(ConsortiumMemberStatus.Confirmed, m.Status));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var before = await factory.WithDb(db => db.Applications.CountAsync());

        await factory.WithScope(services => services.GetRequiredService<DemoData>().SeedAsync());

        Assert.Equal(before, await factory.WithDb(db => db.Applications.CountAsync()));
        var secondCalls = await factory.WithDb(db => db.Calls.CountAsync(c => c.Title == DemoData.SecondOpenCallTitle));
        Assert.Equal(1, secondCalls);
    }
}

public class DemoSeedingAgainTests(CommandCountingFactory factory) : IClassFixture<CommandCountingFactory>
{
    [Fact]
    public async Task A_start_on_a_seeded_database_asks_three_questions_and_writes_nothing()
    {
        _ = factory.Services; // the host's own start, seeding included, is not counted

        var count = await factory.CountCommands(() => factory.WithScope(services => services.GetRequiredService<DemoData>().SeedAsync()));

        Assert.Equal(3, count.Queries);
        Assert.Equal(0, count.Saves);
    }
}
