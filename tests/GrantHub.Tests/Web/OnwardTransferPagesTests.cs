using System.Net;
using GrantHub.Core.Grants;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Web;

/// <summary>The grant page's transfers: the lead's record form, the partner's confirm and dispute forms, the officer's reading.</summary>
public class OnwardTransferPagesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task The_lead_records_a_transfer_on_the_grant_page_and_a_refused_form_keeps_what_was_typed_and_records_nothing()
    {
        var scenario = await factory.GrantWithFirstTranchePaid();
        var page = $"/grants/{scenario.GrantId}";
        var share = $"1:{scenario.PartnerOrganisationId}";
        var lead = await WebSession.SignedIn(factory, scenario.LeadMember.Email);
        var form = await lead.Read(page);
        Assert.Contains("id=\"record-transfer\"", form);
        Assert.Equal("Not transferred", Status(form, scenario));
        var today = factory.Today().ToString("yyyy-MM-dd");

        var notANumber = await WebSession.Html(await lead.Post($"{page}?handler=RecordTransfer",
            ("TransferShare", share), ("TransferAmount", "ten thousand"), ("TransferredOn", today), ("TransferReference", "TRF-1")));
        Assert.Contains("Type an amount in figures", WebSession.TextOf(notANumber, "TransferAmount-error"));
        Assert.Contains("value=\"ten thousand\"", notANumber);

        var future = await WebSession.Html(await lead.Post($"{page}?handler=RecordTransfer",
            ("TransferShare", share), ("TransferAmount", "10000"), ("TransferredOn", factory.Today().AddDays(1).ToString("yyyy-MM-dd")), ("TransferReference", "TRF-1")));
        Assert.Equal("A transfer cannot be recorded for a future date.", WebSession.TextOf(future, "TransferredOn-error"));

        var tooMuch = await WebSession.Html(await lead.Post($"{page}?handler=RecordTransfer",
            ("TransferShare", share), ("TransferAmount", "10000.01"), ("TransferredOn", today), ("TransferReference", "TRF-1")));
        Assert.Contains("above the partner's share of the tranche", WebSession.TextOf(tooMuch, "form-errors"));
        Assert.Empty(Assert.Single((await scenario.LeadOwner.Client.Transfers(scenario)).Items).Transfers);

        var recorded = await lead.Post($"{page}?handler=RecordTransfer",
            ("TransferShare", share), ("TransferAmount", "10000"), ("TransferredOn", today), ("TransferReference", "TRF-1"));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal($"{page}#transfers", recorded.Headers.Location!.OriginalString);
        var transfer = Assert.Single(Assert.Single((await scenario.LeadOwner.Client.Transfers(scenario)).Items).Transfers);
        Assert.Equal((10_000m, "TRF-1", OnwardTransferStatus.Recorded), (transfer.Amount, transfer.Reference, transfer.Status));
        Assert.DoesNotContain("id=\"record-transfer\"", await lead.Read(page));
    }

    [Fact]
    public async Task The_partner_disputes_with_a_reason_or_confirms_on_the_grant_page_and_only_the_partner_is_offered_either()
    {
        var scenario = await factory.GrantWithFirstTranchePaid();
        var page = $"/grants/{scenario.GrantId}";
        var disputed = await factory.RecordedTransfer(scenario, 4_000m);
        var partner = await WebSession.SignedIn(factory, scenario.PartnerOwner.Email);
        var offered = await partner.Read(page);
        Assert.Contains($"dispute-{disputed.Id}", offered);
        Assert.DoesNotContain("id=\"record-transfer\"", offered);

        var noReason = await WebSession.Html(await partner.Post($"{page}?handler=DisputeTransfer&transferId={disputed.Id}", ("DisputeReason", "")));
        Assert.Equal("Say what is wrong with the transfer.", WebSession.TextOf(noReason, $"dispute-{disputed.Id}-error"));
        Assert.Equal(OnwardTransferStatus.Recorded, Transfer(await scenario.LeadOwner.Client.Transfers(scenario), disputed.Id).Status);

        var sent = await partner.Post($"{page}?handler=DisputeTransfer&transferId={disputed.Id}", ("DisputeReason", "Nothing arrived."));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Single(await factory.NotificationsAbout(scenario, await factory.UserId(GrantScenarios.OfficerEmail), "onward-transfer-disputed"));

        var confirmed = await factory.RecordedTransfer(scenario, 10_000m);
        var lead = await WebSession.SignedIn(factory, scenario.LeadOwner.Email);
        Assert.DoesNotContain("handler=ConfirmTransfer", await lead.Read(page));
        var refused = await lead.Post($"{page}?handler=ConfirmTransfer&transferId={confirmed.Id}");
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(OnwardTransferStatus.Recorded, Transfer(await scenario.LeadOwner.Client.Transfers(scenario), confirmed.Id).Status);

        await partner.Read(page);
        Assert.Equal(HttpStatusCode.Redirect, (await partner.Post($"{page}?handler=ConfirmTransfer&transferId={confirmed.Id}")).StatusCode);
        var officer = await (await WebSession.SignedIn(factory, GrantScenarios.OfficerEmail)).Read(page);
        Assert.Contains("Nothing arrived.", officer);
        Assert.Equal("Confirmed", Status(officer, scenario));
    }

    [Fact]
    public async Task The_transfers_speak_french()
    {
        var scenario = await factory.GrantWithFirstTranchePaid();
        var lead = await WebSession.SignedIn(factory, scenario.LeadOwner.Email, "fr");

        var page = await lead.Read($"/grants/{scenario.GrantId}");

        Assert.Contains("Transferts aux partenaires", page);
        Assert.Contains("Enregistrer le transfert", page);
        Assert.Equal("Non transféré", Status(page, scenario));
    }

    private static Api.Features.Grants.OnwardTransferResponse Transfer(Api.Features.Grants.GrantOnwardTransfersResponse transfers, Guid id) =>
        transfers.Items.SelectMany(s => s.Transfers).Single(t => t.Id == id);

    private static string Status(string html, GrantScenario scenario) => WebSession.TextOf(html, $"share-1-{scenario.PartnerOrganisationId}-status");
}
