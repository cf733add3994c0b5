using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using GrantHub.Tests.Files;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Applications;

public class InformationRequestTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private async Task<InformationRequestResponse> Ask(ApplicationUnderReview application, string question = "Which districts will the shelters serve?", int days = 10) =>
        await (await (await factory.Officer()).PostJson(application.Url, new AskForInformationRequest(question, factory.Today().AddDays(days))))
            .ReadAs<InformationRequestResponse>(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> Answer(HttpClient client, ApplicationUnderReview application, Guid requestId, string answer, byte[]? attachment = null, string name = "districts.pdf")
    {
        var form = attachment is null ? new MultipartFormDataContent() : SampleFiles.Form("attachment", attachment, name);
        form.Add(new StringContent(answer), "answer");
        return client.PostAsync($"{application.Url}/{requestId}/answer", form);
    }

    private async Task<HttpResponseMessage> Reject(ApplicationUnderReview application) =>
        await (await factory.Officer()).PostJson(
            $"/api/applications/{application.ApplicationId}/decision",
            new DecideApplicationRequest(ApplicationDecision.Reject, null, null, null, "Outside the call's priorities.", null));

    [Fact]
    public async Task An_officer_asks_and_the_lead_owners_are_told_and_see_the_question()
    {
        var application = await factory.ApplicationUnderReview();

        var asked = await Ask(application);

        Assert.Equal((InformationRequestStatus.Open, factory.Today().AddDays(10)), (asked.Status, asked.AnswerBy));
        Assert.Contains("information-requested", await factory.NotificationKinds(application.LeadOwner.Id));
        Assert.DoesNotContain("information-requested", await factory.NotificationKinds(application.LeadMember.Id));
        Assert.DoesNotContain("information-requested", await factory.NotificationKinds(application.PartnerOwner.Id));
        foreach (var reader in new[] { application.LeadOwner.Client, application.PartnerOwner.Client, await factory.Reviewer() })
        {
            var seen = await (await reader.GetAsync(application.Url)).ReadAs<InformationRequestsResponse>();
            Assert.Equal("Which districts will the shelters serve?", Assert.Single(seen.Items).Question);
        }

        await (await application.Stranger.Client.GetAsync(application.Url)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_question_needs_text_and_a_deadline_after_today_and_only_officers_ask()
    {
        var application = await factory.ApplicationUnderReview();
        var officer = await factory.Officer();

        await (await officer.PostJson(application.Url, new AskForInformationRequest(" ", factory.Today().AddDays(3)))).ShouldBeInvalid("question");
        await (await officer.PostJson(application.Url, new AskForInformationRequest("Why?", null))).ShouldBeInvalid("answerBy");
        await (await officer.PostJson(application.Url, new AskForInformationRequest("Why?", factory.Today()))).ShouldBreakRule("deadline-not-in-future");
        await (await application.LeadOwner.Client.PostJson(application.Url, new AskForInformationRequest("Why?", factory.Today().AddDays(3))))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Reviewer()).PostJson(application.Url, new AskForInformationRequest("Why?", factory.Today().AddDays(3))))
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_decision_waits_while_a_question_is_open_and_goes_ahead_once_it_is_answered()
    {
        var application = await factory.ApplicationUnderReview();
        var asked = await Ask(application);

        await (await Reject(application)).ShouldBreakRule("information-requested");

        await (await Answer(application.LeadOwner.Client, application, asked.Id, "Dailekh and Surkhet.")).ShouldBe(HttpStatusCode.OK);
        await (await Reject(application)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Once_the_deadline_has_passed_the_officer_decides_and_the_question_stays_unanswered()
    {
        var application = await factory.ApplicationUnderReview();
        await Ask(application, days: 3);

        factory.Clock.Advance(TimeSpan.FromDays(3));
        await (await Reject(application)).ShouldBreakRule("information-requested");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await (await Reject(application)).ShouldBe(HttpStatusCode.OK);

        var seen = await (await (await factory.Officer()).GetAsync(application.Url)).ReadAs<InformationRequestsResponse>();
        Assert.Equal((InformationRequestStatus.Unanswered, null), (Assert.Single(seen.Items).Status, seen.Items[0].Answer));
    }

    [Fact]
    public async Task The_lead_answers_with_a_file_that_reviewers_download_as_an_attachment()
    {
        var application = await factory.ApplicationUnderReview();
        var asked = await Ask(application);
        var pdf = SampleFiles.Pdf();

        var answered = await (await Answer(application.LeadOwner.Client, application, asked.Id, "See the map attached.", pdf, "map.pdf"))
            .ReadAs<InformationRequestResponse>();

        Assert.Equal((InformationRequestStatus.Answered, "See the map attached."), (answered.Status, answered.Answer));
        Assert.Equal(("map.pdf", "application/pdf", (long)pdf.Length), (answered.Attachment!.Name, answered.Attachment.ContentType, answered.Attachment.SizeBytes));
        Assert.Contains("information-answered", await factory.NotificationKinds(await factory.UserId(GrantScenarios.OfficerEmail)));

        var download = await (await factory.Reviewer()).GetAsync($"{application.Url}/{asked.Id}/attachment");
        await download.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        await (await application.Stranger.Client.GetAsync($"{application.Url}/{asked.Id}/attachment")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_an_owner_of_the_lead_answers_once_and_a_forbidden_file_is_refused_by_its_content()
    {
        var application = await factory.ApplicationUnderReview();
        var asked = await Ask(application);

        await (await Answer(application.LeadMember.Client, application, asked.Id, "Me too.")).ShouldBe(HttpStatusCode.Forbidden);
        await (await Answer(application.PartnerOwner.Client, application, asked.Id, "Me too.")).ShouldBe(HttpStatusCode.Forbidden);
        await (await Answer(application.Stranger.Client, application, asked.Id, "Me too.")).ShouldBe(HttpStatusCode.NotFound);
        await (await Answer(application.LeadOwner.Client, application, asked.Id, "Here.", SampleFiles.Html(), "map.pdf")).ShouldBeInvalid("attachment");
        await (await Answer(application.LeadOwner.Client, application, asked.Id, "")).ShouldBeInvalid("answer");
        Assert.False(await factory.WithDb(db => db.StoredFiles.AnyAsync(f => f.UploadedBy == application.LeadOwner.Id)));

        await (await Answer(application.LeadOwner.Client, application, asked.Id, "Dailekh.")).ShouldBe(HttpStatusCode.OK);
        await (await Answer(application.LeadOwner.Client, application, asked.Id, "Surkhet.")).ShouldBreakRule("question-already-answered");
    }

    [Fact]
    public async Task Several_questions_may_be_asked_and_the_decision_waits_for_each()
    {
        var application = await factory.ApplicationUnderReview();
        var first = await Ask(application, "Which districts?");
        await (await Answer(application.LeadOwner.Client, application, first.Id, "Dailekh.")).ShouldBe(HttpStatusCode.OK);
        await Ask(application, "And the budget for transport?");

        await (await Reject(application)).ShouldBreakRule("information-requested");
        var seen = await (await application.LeadOwner.Client.GetAsync(application.Url)).ReadAs<InformationRequestsResponse>();
        Assert.Equal([InformationRequestStatus.Answered, InformationRequestStatus.Open], seen.Items.Select(i => i.Status));
    }

    [Fact]
    public async Task The_question_and_the_answer_never_enter_the_audit_trail()
    {
        var application = await factory.ApplicationUnderReview();
        var asked = await Ask(application, "Is Amina still at the safe house?");
        await (await Answer(application.LeadOwner.Client, application, asked.Id, "Amina moved to Nepalgunj.", SampleFiles.Pdf())).ShouldBe(HttpStatusCode.OK);

        var payloads = await factory.WithDb(db => db.AuditEntries
            .Where(a => a.ObjectId == application.ApplicationId && (a.Command == "AskForInformation" || a.Command == "AnswerInformationRequest"))
            .Select(a => a.Payload)
            .ToListAsync());
        Assert.Equal(2, payloads.Count);
        Assert.All(payloads, p => Assert.DoesNotContain("Amina", p));
        Assert.All(payloads, p => Assert.DoesNotContain("JVBER", p));
    }

    [Fact]
    public async Task No_question_is_asked_of_an_application_already_decided()
    {
        var application = await factory.ApplicationUnderReview();
        await (await Reject(application)).ShouldBe(HttpStatusCode.OK);

        await (await (await factory.Officer()).PostJson(application.Url, new AskForInformationRequest("Why?", factory.Today().AddDays(3))))
            .ShouldBreakRule("application-not-in-review");
    }
}
