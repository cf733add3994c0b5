using System.Globalization;
using System.Net;
using System.Text;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Applications;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;

namespace GrantHub.Tests.Web;

/// <summary>The officer's pages for a call's applications: the table and its CSV, the application, assignment and decision.</summary>
public class OfficerPagesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string OfficerEmail = "officer@granthub.local";

    [Fact]
    public async Task The_table_sorts_by_score_keeps_its_filters_in_every_link_and_the_csv_holds_the_same_rows()
    {
        var call = await factory.OpenCall();
        var low = await factory.SubmittedConsortium(call);
        var high = await factory.SubmittedConsortium(call);
        var draft = await factory.ReadyConsortium(call);
        await factory.Review(low.Id, await factory.NewReviewer(), relevance: 1, consortium: 1);
        await factory.Review(high.Id, await factory.NewReviewer(), relevance: 4, consortium: 4);
        var session = await WebSession.SignedIn(factory, OfficerEmail);

        var page = await session.Read($"/calls/{call.Id}/applications?Status=UnderReview&Sort=ScoreHighest");

        Assert.True(page.IndexOf($"/applications/{high.Id}/assessment", StringComparison.Ordinal) < page.IndexOf($"/applications/{low.Id}/assessment", StringComparison.Ordinal));
        Assert.DoesNotContain($"/applications/{draft.Id}/assessment", page);
        Assert.Contains("aria-sort=\"descending\"", page);
        Assert.Contains($"href=\"/calls/{call.Id}/applications?Status=UnderReview&amp;Sort=ScoreLowest\"", page);

        var csv = await session.Client.GetAsync($"/calls/{call.Id}/applications?Status=UnderReview&Sort=ScoreHighest&handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Application id,Title,Lead organisation,", lines[0]);
        Assert.Equal([high.Id.ToString(), low.Id.ToString()], lines[1..].Select(line => line.Split(',')[0]));
        Assert.Contains(",80.00,1,", lines[1]);
    }

    [Fact]
    public async Task A_sensitive_lead_without_an_alias_is_a_placeholder_on_the_officer_s_screen_and_in_the_downloaded_file()
    {
        var call = await factory.OpenCall();
        var consortium = await factory.ReadyConsortium(call, sensitiveLead: true);
        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);
        var session = await WebSession.SignedIn(factory, OfficerEmail);

        var screen = await session.Read($"/calls/{call.Id}/applications");
        Assert.DoesNotContain(WebUtility.HtmlEncode(consortium.Lead.Organisation.Name), screen);
        Assert.Contains("(organisation at risk)", screen);
        var csv = await session.Client.GetStringAsync($"/calls/{call.Id}/applications?handler=Csv");
        Assert.DoesNotContain(consortium.Lead.Organisation.Name, csv);
        Assert.Contains("(organisation at risk)", csv);
    }

    [Fact]
    public async Task The_application_page_offers_only_reviewers_outside_the_consortium_and_assigns_through_the_command()
    {
        var consortium = await factory.SubmittedConsortium();
        var member = await factory.NewReviewer();
        await factory.AddMember(consortium.Partner.OrganisationId, member.Id);
        var outsider = await factory.NewReviewer();
        var session = await WebSession.SignedIn(factory, OfficerEmail);

        var page = await session.Read($"/applications/{consortium.Id}/assessment");
        Assert.Contains($"value=\"{outsider.Id}\"", page);
        Assert.DoesNotContain($"value=\"{member.Id}\"", page);
        Assert.Contains("id=\"review-summary\">0 of 2 required reviews submitted", page);

        var past = await WebSession.Html(await session.Post(
            $"/applications/{consortium.Id}/assessment?handler=Assign", ("ReviewerUserId", outsider.Id.ToString()), ("DueOn", factory.Today().AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        Assert.Equal("A review must be due in the future.", WebSession.TextOf(past, "DueOn-error"));
        Assert.Empty((await factory.ReviewsOf(consortium.Id)).Items);

        var assigned = await session.Post(
            $"/applications/{consortium.Id}/assessment?handler=Assign", ("ReviewerUserId", outsider.Id.ToString()), ("DueOn", factory.Today().AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var review = Assert.Single((await factory.ReviewsOf(consortium.Id)).Items);
        Assert.Equal(outsider.Id, review.ReviewerUserId);
        Assert.DoesNotContain($"value=\"{outsider.Id}\"", await session.Read($"/applications/{consortium.Id}/assessment"));
    }

    [Fact]
    public async Task An_award_with_a_tranche_plan_creates_the_grant_and_a_plan_that_does_not_add_up_changes_nothing()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.CloseCall(consortium.Call.Id);
        var session = await WebSession.SignedIn(factory, OfficerEmail);
        var start = factory.Today().AddDays(30);
        string Day(int offset) => start.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var form = await session.Read($"/applications/{consortium.Id}/decision");
        Assert.Contains("id=\"OverrideJustification\"", form);

        var wrongSum = await WebSession.Html(await session.Post(
            $"/applications/{consortium.Id}/decision",
            ("Decision", "Award"), ("AwardedAmount", "90000"), ("StartDate", Day(0)),
            ("Tranches[0].PlannedDate", Day(0)), ("Tranches[0].Amount", "50000"),
            ("Tranches[1].PlannedDate", ""), ("Tranches[1].Amount", ""),
            ("Tranches[2].PlannedDate", Day(365)), ("Tranches[2].Amount", "30000"),
            ("OverrideJustification", "Decided in committee."), ("Feedback", "")));
        Assert.Contains("Each tranche must be positive and together they must equal the grant amount.", wrongSum);
        Assert.Contains("value=\"30000\"", wrongSum);
        Assert.Equal(ApplicationStatus.Submitted, (await consortium.Lead.Client.Get(consortium.Id)).Status);

        var awarded = await session.Post(
            $"/applications/{consortium.Id}/decision",
            ("Decision", "Award"), ("AwardedAmount", "90000"), ("StartDate", Day(0)),
            ("Tranches[0].PlannedDate", Day(0)), ("Tranches[0].Amount", "60000"),
            ("Tranches[1].PlannedDate", ""), ("Tranches[1].Amount", ""),
            ("Tranches[2].PlannedDate", Day(365)), ("Tranches[2].Amount", "30 000"),
            ("OverrideJustification", "Decided in committee."), ("Feedback", "A strong consortium."));

        Assert.Equal(HttpStatusCode.Redirect, awarded.StatusCode);
        var grantPath = awarded.Headers.Location!.OriginalString;
        Assert.StartsWith("/grants/", grantPath);
        var grant = await (await (await factory.Officer()).GetAsync("/api" + grantPath)).ReadAs<GrantResponse>();
        Assert.Equal([60_000m, 30_000m], grant.Tranches.Select(t => t.Amount));
        Assert.Equal(ApplicationStatus.Awarded, (await consortium.Lead.Client.Get(consortium.Id)).Status);
    }

    [Fact]
    public async Task A_rejection_needs_feedback_and_the_consortium_reads_it()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.CloseCall(consortium.Call.Id);
        var session = await WebSession.SignedIn(factory, OfficerEmail, language: "fr");
        await session.Read($"/applications/{consortium.Id}/decision");

        var silent = await WebSession.Html(await session.Post($"/applications/{consortium.Id}/decision", ("Decision", "Reject"), ("Feedback", " ")));
        Assert.NotEmpty(WebSession.TextOf(silent, "Feedback-error"));
        Assert.Equal(ApplicationStatus.Submitted, (await consortium.Lead.Client.Get(consortium.Id)).Status);

        var rejected = await session.Post($"/applications/{consortium.Id}/decision", ("Decision", "Reject"), ("Feedback", "Le budget ne couvre pas la deuxième année."));
        Assert.Equal($"/applications/{consortium.Id}/assessment", rejected.Headers.Location!.OriginalString);
        var application = await consortium.Lead.Client.Get(consortium.Id);
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal("Le budget ne couvre pas la deuxième année.", application.DecisionFeedback);
    }

    [Fact]
    public async Task Applicants_and_reviewers_reach_none_of_the_officer_pages()
    {
        var consortium = await factory.SubmittedConsortium();
        var lead = await WebSession.SignedIn(factory, consortium.Lead.Email);
        var reviewer = await WebSession.SignedIn(factory, "reviewer@granthub.local");

        foreach (var session in new[] { lead, reviewer })
        {
            await session.Forbidden($"/applications/{consortium.Id}/assessment");
            await session.Forbidden($"/applications/{consortium.Id}/decision");
            await session.Forbidden($"/calls/{consortium.Call.Id}/applications?handler=Csv");
        }
    }
}
