using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Tests.Files;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Grants;

public class ReportFormsTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private async Task<(GrantScenario Scenario, GrantReportSummary YearOne)> ActiveGrant()
    {
        var scenario = await factory.AwardGrant();
        var grant = await factory.Activate(scenario);
        return (scenario, grant.Reports.Single(r => r.PeriodYear == 1));
    }

    private static Task<HttpResponseMessage> SubmitFile(
        HttpClient client, GrantScenario scenario, Guid reportId, byte[] content, string name, string claimedType = "application/pdf", params (string, string)[] fields) =>
        client.PostAsync($"{scenario.Url}/reports/{reportId}/submit-file", SampleFiles.Form("file", content, name, claimedType, fields));

    [Fact]
    public async Task The_lead_submits_a_report_as_a_file_that_the_consortium_and_officers_download_as_an_attachment()
    {
        var (scenario, report) = await ActiveGrant();
        var docx = SampleFiles.Docx();

        var submitted = await (await SubmitFile(scenario.LeadMember.Client, scenario, report.Id, docx, "year-one.docx", "application/octet-stream"))
            .ReadAs<GrantReportResponse>();

        Assert.Equal((ReportStatus.Submitted, ReportForm.File), (submitted.Status, submitted.Form));
        Assert.Equal(("year-one.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (submitted.File!.Name, submitted.File.ContentType));
        foreach (var reader in new[] { scenario.PartnerOwner.Client, await factory.Officer() })
        {
            var download = await reader.GetAsync($"{scenario.Url}/reports/{report.Id}/file");
            await download.ShouldBe(HttpStatusCode.OK);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("year-one.docx", download.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync());
        }

        await (await scenario.Stranger.Client.GetAsync($"{scenario.Url}/reports/{report.Id}/file")).ShouldBe(HttpStatusCode.NotFound);
        var listed = await (await (await factory.Officer()).GetAsync($"{scenario.Url}/reports?status=Submitted")).ReadAs<GrantReportsResponse>();
        Assert.Equal(submitted.File.Sha256, Assert.Single(listed.Items).File!.Sha256);
    }

    [Theory]
    [InlineData("a Windows program named .pdf", "program.pdf")]
    [InlineData("an HTML page named .pdf", "page.pdf")]
    public async Task A_file_of_a_forbidden_type_is_refused_by_its_content_whatever_its_name(string what, string name)
    {
        var (scenario, report) = await ActiveGrant();
        var content = what.Contains("HTML") ? SampleFiles.Html() : SampleFiles.Exe();

        var problem = await (await SubmitFile(scenario.LeadOwner.Client, scenario, report.Id, content, name)).ShouldBeInvalid("file");

        Assert.Contains("not a PDF", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(ReportStatus.Pending, (await factory.GetGrant(scenario)).Reports.Single(r => r.Id == report.Id).Status);
        Assert.Equal(0, await factory.WithDb(db => db.StoredFiles.CountAsync(f => f.UploadedBy == scenario.LeadOwner.Id)));
    }

    [Fact]
    public async Task A_real_pdf_named_txt_is_accepted_as_a_pdf()
    {
        var (scenario, report) = await ActiveGrant();

        var submitted = await (await SubmitFile(scenario.LeadOwner.Client, scenario, report.Id, SampleFiles.Pdf(), "notes.txt", "text/plain"))
            .ReadAs<GrantReportResponse>();

        Assert.Equal(("application/pdf", "notes.txt.pdf"), (submitted.File!.ContentType, submitted.File.Name));
    }

    [Fact]
    public async Task A_report_written_for_another_donor_must_cover_the_report_year()
    {
        var (scenario, report) = await ActiveGrant();
        var yearStart = factory.Today();
        var yearEnd = yearStart.AddYears(1).AddDays(-1);
        (string, string)[] Donor(DateOnly from, DateOnly to) =>
            [("otherDonorName", "Mama Cash"), ("otherDonorCoversFrom", from.ToString("yyyy-MM-dd")), ("otherDonorCoversTo", to.ToString("yyyy-MM-dd"))];

        await (await SubmitFile(scenario.LeadOwner.Client, scenario, report.Id, SampleFiles.Pdf(), "mama-cash.pdf", fields: Donor(yearStart.AddMonths(6), yearEnd.AddMonths(6))))
            .ShouldBreakRule("other-donor-period-mismatch");
        await (await SubmitFile(scenario.LeadOwner.Client, scenario, report.Id, SampleFiles.Pdf(), "mama-cash.pdf", fields: [("otherDonorName", "Mama Cash")]))
            .ShouldBeInvalid("otherDonorCoversFrom");
        await (await SubmitFile(scenario.LeadOwner.Client, scenario, report.Id, SampleFiles.Pdf(), "mama-cash.pdf", fields: Donor(yearEnd, yearStart)))
            .ShouldBeInvalid("otherDonorCoversTo");

        // A donor's calendar year that starts a few weeks after the grant year still covers it.
        var submitted = await (await SubmitFile(scenario.LeadOwner.Client, scenario, report.Id, SampleFiles.Pdf(), "mama-cash.pdf", fields: Donor(yearStart.AddDays(20), yearEnd.AddDays(20))))
            .ReadAs<GrantReportResponse>();
        Assert.Equal(
            (ReportForm.OtherDonorReport, "Mama Cash", yearStart.AddDays(20), yearEnd.AddDays(20)),
            (submitted.Form, submitted.OtherDonorName, submitted.OtherDonorCoversFrom!.Value, submitted.OtherDonorCoversTo!.Value));
    }

    [Fact]
    public async Task Only_the_lead_submits_files_and_only_with_a_bearer_token()
    {
        var (scenario, report) = await ActiveGrant();

        await (await SubmitFile(scenario.PartnerOwner.Client, scenario, report.Id, SampleFiles.Pdf(), "r.pdf")).ShouldBe(HttpStatusCode.Forbidden);
        await (await SubmitFile(scenario.Stranger.Client, scenario, report.Id, SampleFiles.Pdf(), "r.pdf")).ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = factory.CreateClient();
        await (await SubmitFile(anonymous, scenario, report.Id, SampleFiles.Pdf(), "r.pdf")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_officer_records_an_oral_report_that_is_then_reviewed_like_any_other()
    {
        var (scenario, report) = await ActiveGrant();
        var officer = await factory.Officer();
        var url = $"{scenario.Url}/reports/{report.Id}/oral";

        await (await scenario.LeadOwner.Client.PostJson(url, new RecordOralReportRequest("We told you.", factory.Today()))).ShouldBe(HttpStatusCode.Forbidden);
        await (await officer.PostJson(url, new RecordOralReportRequest("Met in Kathmandu.", factory.Today().AddDays(1)))).ShouldBeInvalid("givenOn");
        await (await officer.PostJson(url, new RecordOralReportRequest("", factory.Today()))).ShouldBeInvalid("note");

        var recorded = await (await officer.PostJson(url, new RecordOralReportRequest("Met the coordinators in Kathmandu: both shelters open.", factory.Today())))
            .ReadAs<GrantReportResponse>();

        Assert.Equal((ReportStatus.Submitted, ReportForm.Oral, factory.Today()), (recorded.Status, recorded.Form, recorded.OralReportGivenOn!.Value));
        Assert.Equal("Met the coordinators in Kathmandu: both shelters open.", recorded.Narrative);
        var officerId = await factory.UserId(GrantScenarios.OfficerEmail);
        Assert.Equal(officerId, await factory.WithDb(db => db.GrantReports.Where(r => r.Id == report.Id).Select(r => r.SubmittedBy).SingleAsync()));
        var accepted = await (await officer.PostJson($"{scenario.Url}/reports/{report.Id}/review", new ReviewReportRequest(ReportOutcome.Accepted, null)))
            .ReadAs<GrantReportResponse>();
        Assert.Equal(ReportStatus.Accepted, accepted.Status);
    }

    [Fact]
    public async Task An_officer_waives_a_report_with_a_reason_and_it_counts_as_done_for_the_next_tranche()
    {
        var (scenario, report) = await ActiveGrant();
        var officer = await factory.Officer();
        var url = $"{scenario.Url}/reports/{report.Id}/waive";

        await (await officer.PostJson(url, new WaiveReportRequest(" "))).ShouldBeInvalid("reason");
        await (await scenario.LeadOwner.Client.PostJson(url, new WaiveReportRequest("We are busy."))).ShouldBe(HttpStatusCode.Forbidden);

        factory.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal(TrancheStatus.Planned, (await factory.Tranche(scenario, 2)).Status);
        var waived = await (await officer.PostJson(url, new WaiveReportRequest("The office was raided; the annual visit replaced the report.")))
            .ReadAs<GrantReportResponse>();

        Assert.Equal((ReportStatus.Waived, "The office was raided; the annual visit replaced the report."), (waived.Status, waived.WaiverReason));
        Assert.Equal(TrancheStatus.Due, (await factory.Tranche(scenario, 2)).Status);
        await (await scenario.LeadOwner.Client.SubmitReport(scenario, report.Id)).ShouldBreakRule("report-not-open");
        await (await officer.PostJson(url, new WaiveReportRequest("Again."))).ShouldBreakRule("report-not-open");
    }

    [Fact]
    public async Task A_later_submission_in_another_form_replaces_the_earlier_one()
    {
        var (scenario, report) = await ActiveGrant();
        var officer = await factory.Officer();
        await (await SubmitFile(scenario.LeadOwner.Client, scenario, report.Id, SampleFiles.Pdf(), "r.pdf")).ShouldBe(HttpStatusCode.OK);
        await (await officer.PostJson($"{scenario.Url}/reports/{report.Id}/review", new ReviewReportRequest(ReportOutcome.ChangesRequested, "Add the spending.")))
            .ShouldBe(HttpStatusCode.OK);

        var resubmitted = await (await scenario.LeadOwner.Client.SubmitReport(scenario, report.Id)).ReadAs<GrantReportResponse>();

        Assert.Equal((ReportForm.Fields, null), (resubmitted.Form, resubmitted.File));
        await (await officer.GetAsync($"{scenario.Url}/reports/{report.Id}/file")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_replaced_by_a_later_submission_is_deleted_with_its_bytes()
    {
        var (scenario, report) = await ActiveGrant();
        var officer = await factory.Officer();
        var first = await (await SubmitFile(scenario.LeadOwner.Client, scenario, report.Id, SampleFiles.Pdf(), "first.pdf")).ReadAs<GrantReportResponse>();
        await (await officer.PostJson($"{scenario.Url}/reports/{report.Id}/review", new ReviewReportRequest(ReportOutcome.ChangesRequested, "Add the spending.")))
            .ShouldBe(HttpStatusCode.OK);

        var second = await (await SubmitFile(scenario.LeadOwner.Client, scenario, report.Id, SampleFiles.Pdf(), "second.pdf")).ReadAs<GrantReportResponse>();

        var oldId = first.File!.Id;
        Assert.NotEqual(oldId, second.File!.Id);
        Assert.Equal((0, 0), await factory.WithDb(async db => (
            await db.StoredFiles.CountAsync(f => f.Id == oldId), await db.StoredFileContents.CountAsync(c => c.FileId == oldId))));
        Assert.Equal("second.pdf", (await officer.GetAsync($"{scenario.Url}/reports/{report.Id}/file")).Content.Headers.ContentDisposition?.FileName);
    }
}

/// <summary>Uploads larger than <c>Uploads:MaxBytes</c> (here 4 KB) are refused.</summary>
public sealed class UploadSizeTests : IDisposable
{
    private readonly GrantHubFactory _factory = GrantHubFactory.WithSettings(new Dictionary<string, string?> { ["Uploads:MaxBytes"] = "4096" });

    [Fact]
    public async Task A_file_over_the_configured_size_is_refused_and_a_body_far_over_it_never_read()
    {
        var scenario = await _factory.AwardGrant();
        var report = (await _factory.Activate(scenario)).Reports.Single(r => r.PeriodYear == 1);
        var url = $"{scenario.Url}/reports/{report.Id}/submit-file";

        await (await scenario.LeadOwner.Client.PostAsync(url, SampleFiles.Form("file", SampleFiles.Pdf(padding: 4096), "big.pdf"))).ShouldBeInvalid("file");
        await (await scenario.LeadOwner.Client.PostAsync(url, SampleFiles.Form("file", SampleFiles.Pdf(padding: 200_000), "huge.pdf")))
            .ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await (await scenario.LeadOwner.Client.PostAsync(url, SampleFiles.Form("file", SampleFiles.Pdf(padding: 3000), "fits.pdf"))).ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose() => _factory.Dispose();
}
