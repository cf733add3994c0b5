using System.Globalization;
using System.Net;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Portfolio;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Applications;
using GrantHub.Core.Grants;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantHub.BrowserTests;

/// <summary>
/// A programme officer runs a call in the browser alone, once in English and once in French: she drafts and publishes
/// it (describing a rubric criterion, which each reviewer reads beside its score field), assigns two reviewers, who each
/// declare no conflict and score; she closes the call, ranks, awards one application
/// with a tranche plan, rejects another and accepts the grant's first report. On the way, a reviewer tries to reach
/// another reviewer's scores, an application nobody assigned her and the officer's page, by typing their addresses.
/// The consortia apply through the API: their own journey is <see cref="ConsortiumJourneyTests"/>.
/// </summary>
[Trait("Category", "Browser")]
public class OfficerJourneyTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    private const string RelevanceDescription = "How directly the work puts women at the peace table.";

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task An_officer_runs_a_call_from_draft_to_awards_and_reviewers_score_in_the_browser(string language)
    {
        var factory = host.Factory;
        var title = $"Women mediators {Guid.NewGuid().ToString("N")[..6]}";
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var officer = await SignIn(language, "officer", "officer@granthub.local");

        // A draft call, written in the editor, then published after the page that says what will happen.
        await officer.Navigate(() => officer.Page.GetByRole(AriaRole.Link, new() { Name = officer.Text("Layout.Calls"), Exact = true }).ClickAsync());
        await officer.Click(officer.Text("CallEditor.New"));
        await officer.Page.GetByLabel(officer.Text("CallEditor.Fund"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await officer.Fill(officer.Text("Field.Title"), title);
        await officer.Fill(officer.Text("CallEditor.Description"), "Three-year core support for women mediators.");
        await officer.Page.GetByLabel(officer.Text("Pillar.Participation"), new() { Exact = true }).CheckAsync();
        await officer.Fill(officer.Text("Call.Countries"), "NP BI CO");
        await officer.Fill(officer.Text("CallEditor.MinAmount"), "20000");
        await officer.Fill(officer.Text("CallEditor.MaxAmount"), "300000");
        await officer.Fill(officer.Text("CallEditor.OpensAt"), now.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await officer.Fill(officer.Text("CallEditor.ClosesAt"), now.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await officer.Page.GetByLabel(officer.Text("CallEditor.ConsortiumRequired"), new() { Exact = true }).CheckAsync();
        await officer.Fill(officer.Text("CallEditor.MinPartners"), "1");
        await officer.Fill(officer.Text("CallEditor.MaxPartners"), "3");
        await officer.Fill(officer.Text("CallEditor.CriterionLabel", 1), ReviewTestData.RelevanceCriterion);
        await officer.Fill(officer.Text("CallEditor.WeightLabel", 1), "60");
        await officer.Fill(officer.Text("CallEditor.MaxScoreLabel", 1), "5");
        await officer.Fill(officer.Text("CallEditor.CriterionDescriptionLabel", 1), RelevanceDescription);
        await officer.Fill(officer.Text("CallEditor.CriterionLabel", 2), ReviewTestData.ConsortiumCriterion);
        await officer.Fill(officer.Text("CallEditor.WeightLabel", 2), "30");
        await officer.Fill(officer.Text("CallEditor.MaxScoreLabel", 2), "5");
        await officer.Click(officer.Text("CallEditor.Save"));
        await Expect(officer.Page.Locator("#Rubric-error")).Not.ToBeEmptyAsync();
        await officer.Fill(officer.Text("CallEditor.WeightLabel", 2), "40");
        await officer.Click(officer.Text("CallEditor.Save"));
        var callPath = new Uri(officer.Page.Url).AbsolutePath;
        Assert.Matches("^/calls/[0-9a-f-]{36}$", callPath);
        await officer.Click(officer.Text("CallAction.Publish"));
        await Expect(officer.Page.Locator("#consequences")).ToContainTextAsync(officer.Text("CallAction.PublishFrozen"));
        await officer.Click(officer.Text("CallAction.PublishConfirm"));
        await Expect(officer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(officer.Text("CallAction.PublishDone"));

        // Two consortia apply (through the API).
        var callId = Guid.Parse(callPath.Split('/')[^1]);
        var call = await (await (await factory.Officer()).GetAsync($"/api/calls/{callId}")).ReadAs<CallResponse>();
        var awarded = await factory.SubmittedConsortium(call);
        var rejected = await factory.SubmittedConsortium(call);

        // The officer assigns both demo reviewers to the first application from its page.
        await officer.Click(officer.Text("Officer.Applications"));
        await Expect(officer.Page.Locator("#result-count")).ToHaveTextAsync(officer.Text("Officer.ResultCount", 2));
        await officer.Navigate(() => officer.Page.Locator($"a[href='/applications/{awarded.Id}/assessment']").ClickAsync());
        foreach (var reviewer in new[] { "Rita Reviewer (reviewer@granthub.local)", "Rosa Reviewer (reviewer2@granthub.local)" })
        {
            await officer.Page.GetByLabel(officer.Text("Officer.Reviewer"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = reviewer });
            await officer.Click(officer.Text("Officer.Assign"));
            await Expect(officer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(officer.Text("Officer.ReviewerAssigned"));
        }

        // Each reviewer declares no conflict of interest, then scores against the rubric.
        var rita = await SignIn(language, "rita", "reviewer@granthub.local");
        var ritaReview = await Score(rita, awarded.Application.Title, relevance: 5, consortium: 4, expectedTotal: 92m);
        var rosa = await SignIn(language, "rosa", "reviewer2@granthub.local");
        await Score(rosa, awarded.Application.Title, relevance: 4, consortium: 3, expectedTotal: 72m);

        // Typing addresses does not take a reviewer anywhere else.
        await rosa.Go(ritaReview);
        await Expect(rosa.Page.Locator("h1")).ToHaveTextAsync(rosa.Text("Error.404.Title"));
        await rosa.Go($"/applications/{rejected.Id}");
        await Expect(rosa.Page.Locator("h1")).ToHaveTextAsync(rosa.Text("Error.404.Title"));
        await rosa.Go($"/applications/{awarded.Id}/assessment");
        await Expect(rosa.Page.Locator("h1")).ToHaveTextAsync(rosa.Text("Error.403.Title"));
        await Expect(rosa.Page.Locator("main")).Not.ToContainTextAsync("92");

        // The officer closes the call, ranks, awards with a tranche plan and rejects the other application.
        await officer.Go(callPath);
        await officer.Click(officer.Text("CallAction.Close"));
        await Expect(officer.Page.Locator("#consequences")).ToContainTextAsync(officer.Text("CallAction.CloseDecide", 2));
        await officer.Click(officer.Text("CallAction.CloseConfirm"));
        await officer.Click(officer.Text("Officer.Ranking"));
        await Expect(officer.Page.Locator("#ranking tbody tr").First).ToContainTextAsync(officer.Text("Officer.FitsYes"));
        await Expect(officer.Page.Locator("#ranking tbody tr").First).ToContainTextAsync(82.ToString("0.00", officer.Culture));
        await officer.Navigate(() => officer.Page.Locator($"#ranking a[href='/applications/{awarded.Id}/assessment']").ClickAsync());
        await officer.Click(officer.Text("Officer.Decide"));
        var start = factory.Today().AddDays(14);
        await officer.Page.GetByLabel(officer.Text("Officer.Award"), new() { Exact = true }).CheckAsync();
        await officer.Fill(officer.Text("Officer.AwardedAmount", "EUR"), "100000");
        await officer.Fill(officer.Text("Officer.StartDate"), start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await officer.Fill(officer.Text("Officer.TrancheDateLabel", 1), start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await officer.Fill(officer.Text("Officer.TrancheAmountLabel", 1), "60000");
        await officer.Fill(officer.Text("Officer.TrancheDateLabel", 2), start.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await officer.Fill(officer.Text("Officer.TrancheAmountLabel", 2), language == "fr" ? "40 000,00" : "40000.00");
        await officer.Fill(officer.Text("Field.Feedback"), "A convincing consortium with a clear plan.");
        await officer.Click(officer.Text("Officer.RecordDecision"));
        Assert.Matches("/grants/[0-9a-f-]{36}$", officer.Page.Url);
        var grantPath = new Uri(officer.Page.Url).AbsolutePath;
        var grantId = Guid.Parse(grantPath.Split('/')[^1]);
        var grant = await (await (await factory.Officer()).GetAsync($"/api/grants/{grantId}")).ReadAs<GrantResponse>();
        Assert.Equal([60_000m, 40_000m], grant.Tranches.Select(t => t.Amount));

        await officer.Go($"/applications/{rejected.Id}/decision");
        await officer.Page.GetByLabel(officer.Text("Officer.Reject"), new() { Exact = true }).CheckAsync();
        await officer.Fill(officer.Text("Field.Feedback"), "The budget leaves the second year without partners.");
        await officer.Click(officer.Text("Officer.RecordDecision"));
        await Expect(officer.Page.Locator("#application-status")).ToHaveTextAsync(officer.Text("ApplicationStatus.Rejected"));

        // The consortium signs and reports (API); the officer reads the report and accepts it.
        var agreement = await (await (await factory.Officer()).PostAsync($"/api/grants/{grantId}/agreement", null)).ReadAs<AgreementVersionResponse>(HttpStatusCode.Created);
        await (await awarded.Lead.Client.PostJson($"/api/grants/{grantId}/agreement/sign", new SignAgreementRequest(agreement.Sha256, awarded.Lead.Organisation.Id))).ShouldBe(HttpStatusCode.OK);
        await (await awarded.Partner.Client.PostJson($"/api/grants/{grantId}/agreement/sign", new SignAgreementRequest(agreement.Sha256, awarded.Partner.Organisation.Id))).ShouldBe(HttpStatusCode.OK);
        await (await (await factory.Officer()).PostJson($"/api/grants/{grantId}/agreement/sign", new SignAgreementRequest(agreement.Sha256))).ShouldBe(HttpStatusCode.OK);
        var report = (await (await (await factory.Officer()).GetAsync($"/api/grants/{grantId}")).ReadAs<GrantResponse>()).Reports.OrderBy(r => r.DueOn).First();
        await (await awarded.Lead.Client.PostJson(
                $"/api/grants/{grantId}/reports/{report.Id}/submit",
                new SubmitReportRequest("Twelve peace circles met.", 30_000m, "Two local agreements signed.", null)))
            .ShouldBe(HttpStatusCode.OK);
        await officer.Go(grantPath);
        await Expect(officer.Page.Locator("main")).ToContainTextAsync("Twelve peace circles met.");
        await officer.Click(officer.Text("Grant.AcceptReport"));
        await Expect(officer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(officer.Text("Grant.ReportAccepted"));
        Assert.Equal(
            ReportStatus.Accepted,
            await factory.WithDb(db => db.Grants.Where(g => g.Id == grantId).SelectMany(g => g.Reports).Where(r => r.Id == report.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(ApplicationStatus.Rejected, (await rejected.Lead.Client.Get(rejected.Id)).Status);

        // The portfolio of this year, narrowed to participation in two clicks: each bar is the query's figure.
        await officer.Navigate(() => officer.Page.GetByRole(AriaRole.Link, new() { Name = officer.Text("Layout.Portfolio"), Exact = true }).ClickAsync());
        await officer.Navigate(() => officer.Page.Locator("#table-pillar-EUR").GetByRole(AriaRole.Link, new() { Name = officer.Text("Pillar.Participation"), Exact = true }).ClickAsync());
        var year = factory.Today().Year;
        var expected = Assert.Single((await (await (await factory.Officer()).GetAsync($"/api/portfolio?pillar=Participation&from={year}-01-01&to={year}-12-31")).ReadAs<PortfolioResponse>()).Sections);
        foreach (var figure in expected.ByCountry)
        {
            var bar = officer.Page.Locator($"#chart-country-EUR rect[data-key='{figure.Key}']");
            Assert.Equal(figure.Amount, decimal.Parse((await bar.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture));
        }

        Assert.Contains(expected.ByCountry, f => f.Key == "NP" && f.Amount >= 100_000m);
        await Expect(officer.Page.Locator("#chart-country-EUR rect")).ToHaveCountAsync(expected.ByCountry.Count);

        foreach (var line in officer.Report.Concat(rita.Report).Concat(rosa.Report))
        {
            output.WriteLine(line);
        }
    }

    private async Task<PageVisitor> SignIn(string language, string who, string email)
    {
        var visitor = await PageVisitor.Open(host, language, who);
        await visitor.SignIn(host.Factory, email);
        return visitor;
    }

    /// <summary>
    /// From the reviewer's home: the declaration, the officer's description of the first criterion, a draft with one
    /// score, then both scores submitted; returns the review's address.
    /// </summary>
    private static async Task<string> Score(PageVisitor reviewer, string applicationTitle, int relevance, int consortium, decimal expectedTotal)
    {
        await reviewer.Navigate(() => reviewer.Page.GetByRole(AriaRole.Link, new() { Name = reviewer.Text("Home.Review", applicationTitle) }).Last.ClickAsync());
        var path = new Uri(reviewer.Page.Url).AbsolutePath;
        await reviewer.Page.GetByLabel(reviewer.Text("Review.NoConflict"), new() { Exact = true }).CheckAsync();
        await reviewer.Click(reviewer.Text("Review.Declare"));
        await Expect(reviewer.Page.Locator("#criterion-0-description")).ToHaveTextAsync(RelevanceDescription);
        await reviewer.Fill(ReviewTestData.RelevanceCriterion, relevance.ToString(CultureInfo.InvariantCulture));
        await reviewer.Click(reviewer.Text("Review.SaveDraft"));
        await Expect(reviewer.Page.Locator("#weighted-total")).ToHaveTextAsync((relevance * 12m).ToString("0.00", reviewer.Culture));
        await reviewer.Fill(ReviewTestData.ConsortiumCriterion, consortium.ToString(CultureInfo.InvariantCulture));
        await reviewer.Click(reviewer.Text("Review.Submit"));
        await Expect(reviewer.Page.Locator("#review-status")).ToHaveTextAsync(reviewer.Text("ReviewStatus.Submitted"));
        await Expect(reviewer.Page.Locator("#weighted-total")).ToHaveTextAsync(expectedTotal.ToString("0.00", reviewer.Culture));
        return path;
    }
}
