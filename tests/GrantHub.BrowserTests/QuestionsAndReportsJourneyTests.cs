using GrantHub.Tests.Applications;
using GrantHub.Tests.Files;
using GrantHub.Tests.Grants;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantHub.BrowserTests;

/// <summary>
/// During review the officer asks the consortium a question; the lead's owner answers with a file; the reviewer reads the
/// answer on the application's page. Then a lead sends her annual report as a file. In English and in French.
/// </summary>
[Trait("Category", "Browser")]
public class QuestionsAndReportsJourneyTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task An_officer_asks_the_lead_answers_with_a_file_the_reviewer_reads_it_and_a_lead_reports_as_a_file(string language)
    {
        var factory = host.Factory;
        var application = await factory.ApplicationUnderReview();
        var applicationPath = $"/applications/{application.ApplicationId}";

        var officer = await PageVisitor.Open(host, language, "officer");
        await officer.SignIn(factory, "officer@granthub.local");
        await officer.Go($"{applicationPath}/assessment");
        await officer.Fill(officer.Text("Questions.Question"), "Which districts will the shelters serve?");
        await officer.Click(officer.Text("Questions.SendQuestion"));
        await Expect(officer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(officer.Text("Questions.Sent"));

        var lead = await PageVisitor.Open(host, language, "lead");
        await lead.SignIn(factory, application.LeadOwner.Email);
        await lead.Go(applicationPath);
        await Expect(lead.Page.Locator("#questions")).ToBeVisibleAsync();
        await lead.Fill(lead.Text("Questions.YourAnswer"), "Dailekh and Surkhet; the map is attached.");
        await lead.Page.GetByLabel(lead.Text("Questions.Attachment"), new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = "districts.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        await lead.Click(lead.Text("Questions.SendAnswer"));
        await Expect(lead.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(lead.Text("Questions.Answered"));

        var reviewer = await PageVisitor.Open(host, language, "reviewer");
        await reviewer.SignIn(factory, "reviewer@granthub.local");
        await reviewer.Go(applicationPath);
        await Expect(reviewer.Page.Locator(".answer-text")).ToContainTextAsync("Dailekh and Surkhet; the map is attached.");
        await Expect(reviewer.Page.GetByRole(AriaRole.Link, new() { Name = reviewer.Text("Questions.Download", "districts.pdf") })).ToBeVisibleAsync();

        var scenario = await factory.AwardGrant();
        var report = (await factory.Activate(scenario)).Reports.Single(r => r.PeriodYear == 1);
        var reporter = await PageVisitor.Open(host, language, "reporter");
        await reporter.SignIn(factory, scenario.LeadOwner.Email);
        await reporter.Go($"/grants/{scenario.GrantId}/reports/{report.Id}");
        await reporter.Page.GetByLabel(reporter.Text("Report.File"), new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = "year-one.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        await reporter.Click(reporter.Text("Report.SendFile"));
        await Expect(reporter.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(reporter.Text("Report.Submitted"));

        foreach (var line in officer.Report.Concat(lead.Report).Concat(reviewer.Report).Concat(reporter.Report))
        {
            output.WriteLine(line);
        }
    }
}
