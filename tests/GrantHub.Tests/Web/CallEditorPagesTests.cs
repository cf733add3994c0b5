using System.Net;
using GrantHub.Api.Features.Calls;
using GrantHub.Core.Calls;
using GrantHub.Core.Funds;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Web;

/// <summary>The call editor and the confirmations before publishing, closing and cancelling.</summary>
public class CallEditorPagesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string OfficerEmail = "officer@granthub.local";

    [Fact]
    public async Task A_call_typed_in_kathmandu_time_is_stored_in_utc_and_a_rubric_not_summing_to_100_saves_nothing()
    {
        var fundId = await factory.WithDb(db => db.Funds.Where(f => f.Kind == FundKind.CoreFunding).Select(f => f.Id).FirstAsync());
        var title = $"Participation in local peace {Guid.NewGuid():N}";
        var session = await WebSession.SignedIn(factory, OfficerEmail);
        await session.Read("/calls/new");
        (string, string)[] Form(string secondWeight) =>
        [
            ("FundId", fundId.ToString()), ("Title", title), ("Description", "Core support."), ("Pillars", "Participation"),
            ("EligibleCountries", "np, bi"), ("MinAmount", "20 000"), ("MaxAmount", "150000"), ("MinDurationMonths", "12"), ("MaxDurationMonths", "36"),
            ("OpensAt", "2027-01-10T09:00"), ("ClosesAt", "2027-03-31T17:00"), ("TimeZone", "Asia/Kathmandu"),
            ("ConsortiumRequired", "true"), ("MinPartners", "1"), ("MaxPartners", "3"),
            ("Rubric[0].Criterion", "Relevance"), ("Rubric[0].Weight", "60"), ("Rubric[0].MaxScore", "5"),
            ("Rubric[1].Criterion", ""), ("Rubric[1].Weight", ""), ("Rubric[1].MaxScore", ""),
            ("Rubric[2].Criterion", "Consortium"), ("Rubric[2].Weight", secondWeight), ("Rubric[2].MaxScore", "5"),
            ("MinReviewsPerApplication", "2"),
        ];

        var refused = await WebSession.Html(await session.Post("/calls/new", Form("30")));
        Assert.Equal("Rubric weights must sum to 100; they sum to 90.", WebSession.TextOf(refused, "Rubric-error"));
        Assert.Contains("value=\"Consortium\"", refused);
        Assert.False(await factory.WithDb(db => db.Calls.AnyAsync(c => c.Title == title)));

        var saved = await session.Post("/calls/new", Form("40"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var call = await factory.WithDb(db => db.Calls.SingleAsync(c => c.Title == title));
        Assert.Equal(CallStatus.Draft, call.Status);
        Assert.Equal(new DateTimeOffset(2027, 1, 10, 3, 15, 0, TimeSpan.Zero), call.OpensAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 11, 15, 0, TimeSpan.Zero), call.ClosesAt);
        Assert.Equal(["NP", "BI"], call.EligibleCountries);
        Assert.Equal(["Relevance", "Consortium"], call.Rubric.Select(r => r.Criterion));
        Assert.Equal($"/calls/{call.Id}", saved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_officer_describes_criteria_in_the_editor_a_row_with_only_a_description_is_not_ignored_and_editing_shows_them_again()
    {
        var fundId = await factory.WithDb(db => db.Funds.Where(f => f.Kind == FundKind.CoreFunding).Select(f => f.Id).FirstAsync());
        var title = $"Described rubric {Guid.NewGuid():N}";
        var session = await WebSession.SignedIn(factory, OfficerEmail);
        await session.Read("/calls/new");
        (string, string)[] Form(string secondCriterion, string secondWeight, string firstDescription) =>
        [
            ("FundId", fundId.ToString()), ("Title", title), ("Description", ""), ("Pillars", "Protection"),
            ("EligibleCountries", "NP"), ("MinAmount", "20000"), ("MaxAmount", "150000"), ("MinDurationMonths", "12"), ("MaxDurationMonths", "36"),
            ("OpensAt", "2027-01-10T09:00"), ("ClosesAt", "2027-03-31T17:00"), ("TimeZone", "UTC"),
            ("MinPartners", "0"), ("MaxPartners", "0"),
            ("Rubric[0].Criterion", "Safety"), ("Rubric[0].Weight", "70"), ("Rubric[0].MaxScore", "5"), ("Rubric[0].Description", firstDescription),
            ("Rubric[1].Criterion", secondCriterion), ("Rubric[1].Weight", secondWeight), ("Rubric[1].MaxScore", secondWeight == "" ? "" : "5"), ("Rubric[1].Description", "Reach of rural women."),
            ("MinReviewsPerApplication", "1"),
        ];

        var onlyDescribed = await WebSession.Html(await session.Post("/calls/new", Form("", "", "A security plan for everyone involved.")));
        Assert.Equal("Type a whole number.Type a whole number.", WebSession.TextOf(onlyDescribed, "rubric-1-error"));
        Assert.Contains("Reach of rural women.</textarea>", onlyDescribed);
        var unnamed = await WebSession.Html(await session.Post("/calls/new", Form("", "30", "A security plan for everyone involved.")));
        Assert.Contains("must not be empty", WebSession.TextOf(unnamed, "rubric-1-error"));
        Assert.Contains("Reach of rural women.</textarea>", unnamed);
        var tooLong = await WebSession.Html(await session.Post("/calls/new", Form("Reach", "30", new string('x', 2_001))));
        Assert.Contains("2000", WebSession.TextOf(tooLong, "rubric-0-error"));
        Assert.False(await factory.WithDb(db => db.Calls.AnyAsync(c => c.Title == title)));

        var saved = await session.Post("/calls/new", Form("Reach", "30", "A security plan for everyone involved."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var call = await factory.WithDb(db => db.Calls.SingleAsync(c => c.Title == title));
        Assert.Equal(["A security plan for everyone involved.", "Reach of rural women."], call.Rubric.Select(r => r.Description));
        var editor = await session.Read($"/calls/{call.Id}/edit");
        Assert.Contains("name=\"Rubric[0].Description\" aria-label=\"Description of criterion 1\" aria-describedby=\"rubric-0-error\">A security plan for everyone involved.</textarea>", editor);
        Assert.Contains("A security plan for everyone involved.", await session.Read($"/calls/{call.Id}"));
    }

    [Fact]
    public async Task Cancelling_says_how_many_consortia_are_told_before_it_happens()
    {
        var call = await factory.OpenCall();
        await factory.SubmittedConsortium(call);
        await factory.SubmittedConsortium(call);
        await factory.ReadyConsortium(call);
        var session = await WebSession.SignedIn(factory, OfficerEmail);

        var confirm = await session.Read($"/calls/{call.Id}/cancel");
        var consequences = WebSession.TextOf(confirm, "consequences");
        Assert.Contains("2 submitted applications are closed as not funded", consequences);
        Assert.Contains("1 draft applications can no longer be submitted", consequences);
        Assert.Equal(CallStatus.Open, await StatusOf(call.Id));

        var cancelled = await session.Post($"/calls/{call.Id}/cancel");
        Assert.Equal($"/calls/{call.Id}", cancelled.Headers.Location!.OriginalString);
        Assert.Equal(CallStatus.Cancelled, await StatusOf(call.Id));
    }

    [Fact]
    public async Task A_refused_step_is_one_sentence_and_an_open_call_is_no_longer_edited()
    {
        var call = await factory.OpenCall();
        var session = await WebSession.SignedIn(factory, OfficerEmail, language: "fr");
        await session.Read($"/calls/{call.Id}/close");

        var edit = await session.Client.GetAsync($"/calls/{call.Id}/edit");
        Assert.Equal($"/calls/{call.Id}", edit.Headers.Location!.OriginalString);
        var republished = await WebSession.Html(await session.Post($"/calls/{call.Id}/publish"));
        Assert.Contains("role=\"alert\"", republished);
        Assert.Equal(CallStatus.Open, await StatusOf(call.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Post($"/calls/{call.Id}/close")).StatusCode);
        Assert.Equal(CallStatus.Closed, await StatusOf(call.Id));
    }

    [Fact]
    public async Task Only_programme_officers_reach_the_editor_and_the_steps()
    {
        var call = await factory.OpenCall();
        var admin = await WebSession.SignedIn(factory, "admin@granthub.local");

        await admin.Forbidden("/calls/new");
        await admin.Forbidden($"/calls/{call.Id}/cancel");
        Assert.Contains($"/calls/{call.Id}/applications", await admin.Read("/calls"));
    }

    private Task<CallStatus> StatusOf(Guid callId) => factory.WithDb(db => db.Calls.Where(c => c.Id == callId).Select(c => c.Status).SingleAsync());
}
