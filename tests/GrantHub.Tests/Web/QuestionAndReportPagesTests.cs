using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Files;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Web;

public class QuestionAndReportPagesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string Officer = "officer@granthub.local";

    [Fact]
    public async Task The_officer_asks_on_the_assessment_page_and_an_empty_question_is_refused_next_to_its_field()
    {
        var application = await factory.ApplicationUnderReview();
        var officer = await WebSession.SignedIn(factory, Officer);
        var url = $"/applications/{application.ApplicationId}/assessment";
        await officer.Read(url);

        var refused = await officer.Post($"{url}?handler=Ask", ("Question", ""), ("AnswerBy", factory.Today().AddDays(7).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty(WebSession.TextOf(await WebSession.Html(refused), "Question-error"));

        var asked = await officer.Post($"{url}?handler=Ask", ("Question", "Which districts will the shelters serve?"), ("AnswerBy", factory.Today().AddDays(7).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("Which districts will the shelters serve?", await officer.Read(url));
        var lead = await WebSession.SignedIn(factory, application.LeadOwner.Email);
        Assert.Contains("Which districts will the shelters serve?", await lead.Read($"/applications/{application.ApplicationId}"));
    }

    [Fact]
    public async Task The_lead_owner_answers_with_a_file_on_the_application_page_and_the_officer_and_reviewer_see_it()
    {
        var application = await factory.ApplicationUnderReview();
        var question = await (await (await factory.Officer()).PostJson(application.Url, new AskForInformationRequest("Which districts?", factory.Today().AddDays(7))))
            .ReadAs<InformationRequestResponse>(HttpStatusCode.Created);
        var lead = await WebSession.SignedIn(factory, application.LeadOwner.Email);
        var page = $"/applications/{application.ApplicationId}";
        await lead.Read(page);

        var refused = await lead.PostFile($"{page}?handler=Answer", "Attachment", SampleFiles.Exe(), "map.pdf", ("RequestId", question.Id.ToString()), ("Answer", "See the map."));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("not a PDF", WebSession.TextOf(await WebSession.Html(refused), "Attachment-error"));

        var answered = await lead.PostFile($"{page}?handler=Answer", "Attachment", SampleFiles.Pdf(), "map.pdf", ("RequestId", question.Id.ToString()), ("Answer", "Dailekh and Surkhet, see the map."));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var download = $"/api/applications/{application.ApplicationId}/information-requests/{question.Id}/attachment";
        var assessment = await (await WebSession.SignedIn(factory, Officer)).Read($"{page}/assessment");
        Assert.Contains("Dailekh and Surkhet, see the map.", assessment);
        Assert.Contains(download, assessment);
        var reviewer = await WebSession.SignedIn(factory, "reviewer@granthub.local");
        Assert.Contains("Dailekh and Surkhet, see the map.", await reviewer.Read(page));
        var file = await reviewer.Client.GetAsync(download);
        Assert.Equal(("attachment", "application/pdf"), (file.Content.Headers.ContentDisposition?.DispositionType, file.Content.Headers.ContentType?.MediaType));
        Assert.DoesNotContain("handler=Answer", await lead.Read(page));
    }

    [Fact]
    public async Task The_report_page_offers_the_lead_the_form_or_a_file_and_the_officer_an_oral_report_or_a_waiver()
    {
        var scenario = await factory.AwardGrant();
        var report = (await factory.Activate(scenario)).Reports.Single(r => r.PeriodYear == 1);
        var url = $"/grants/{scenario.GrantId}/reports/{report.Id}";
        var lead = await WebSession.SignedIn(factory, scenario.LeadOwner.Email);
        var leadPage = await lead.Read(url);
        Assert.Contains("name=\"ReportFile\"", leadPage);
        Assert.DoesNotContain("handler=Waive", leadPage);

        var refused = await lead.PostFile($"{url}?handler=File", "ReportFile", SampleFiles.Html(), "report.pdf");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("not a PDF", WebSession.TextOf(await WebSession.Html(refused), "ReportFile-error"));
        var sent = await lead.PostFile($"{url}?handler=File", "ReportFile", SampleFiles.Pdf(), "report.pdf",
            ("OtherDonorName", "Mama Cash"), ("OtherDonorCoversFrom", factory.Today().ToString("yyyy-MM-dd")), ("OtherDonorCoversTo", factory.Today().AddYears(1).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var submitted = await (await (await factory.Officer()).GetAsync($"{scenario.Url}/reports/{report.Id}")).ReadAs<GrantReportResponse>();
        Assert.Equal((ReportForm.OtherDonorReport, "Mama Cash"), (submitted.Form, submitted.OtherDonorName));

        var second = (await factory.GetGrant(scenario)).Reports.Single(r => r.PeriodYear == 2);
        var officer = await WebSession.SignedIn(factory, Officer);
        var officerUrl = $"/grants/{scenario.GrantId}/reports/{second.Id}";
        var officerPage = await officer.Read(officerUrl);
        Assert.DoesNotContain("name=\"ReportFile\"", officerPage);
        var noNote = await officer.Post($"{officerUrl}?handler=Oral", ("Note", ""), ("GivenOn", factory.Today().ToString("yyyy-MM-dd")));
        Assert.NotEmpty(WebSession.TextOf(await WebSession.Html(noNote), "Note-error"));
        var waived = await officer.Post($"{officerUrl}?handler=Waive", ("Reason", "Replaced by the field visit."));
        Assert.Equal(HttpStatusCode.Redirect, waived.StatusCode);
        Assert.Equal(ReportStatus.Waived, (await factory.GetGrant(scenario)).Reports.Single(r => r.Id == second.Id).Status);
    }
}
