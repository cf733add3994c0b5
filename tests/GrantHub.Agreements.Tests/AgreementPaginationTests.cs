namespace GrantHub.Agreements.Tests;

public sealed class AgreementPaginationTests
{
    [Fact]
    public void Every_page_shows_page_x_of_y()
    {
        var agreement = RenderedAgreement.Of(AgreementSamples.ConsortiumGrant());

        AssertEveryPageNumbered(agreement);
    }

    [Fact]
    public void Long_agreement_flows_onto_further_pages_with_page_numbers()
    {
        var agreement = RenderedAgreement.Of(AgreementSamples.LargeConsortiumWithAmendments());

        Assert.True(agreement.Pages.Count >= 4, $"expected at least 4 pages, got {agreement.Pages.Count}");
        AssertEveryPageNumbered(agreement);
        foreach (var number in Enumerable.Range(1, 12))
        {
            Assert.Contains($"{AgreementSamples.PartnerName(number)} Partner UG UG-NGO-{number:0000} USD 250,000.00", agreement.Text);
        }
    }

    [Fact]
    public void Long_amendment_notes_lose_no_sentence_across_page_breaks()
    {
        var agreement = RenderedAgreement.Of(AgreementSamples.LargeConsortiumWithAmendments());

        var markers = Enumerable.Range(1, 120).Select(AgreementSamples.AmendmentMarker).ToList();
        var positions = markers.Select(marker => agreement.Text.IndexOf(marker + ":", StringComparison.Ordinal)).ToList();

        Assert.All(markers.Zip(positions), found => Assert.True(found.Second >= 0, $"{found.First} is missing"));
        Assert.Equal(positions.Order(), positions);
        var pagesWithNotes = agreement.Pages.Count(page => page.Contains("note-", StringComparison.Ordinal));
        Assert.True(pagesWithNotes >= 2, $"amendment notes should span pages, found on {pagesWithNotes}");
    }

    [Fact]
    public void Every_party_of_a_large_consortium_has_a_whole_signature_block_and_the_signatures_close_the_agreement()
    {
        var document = AgreementSamples.LargeConsortiumWithAmendments();
        var agreement = RenderedAgreement.Of(document);

        var firstSignaturePage = agreement.Pages.First(page => page.Contains("Signatures Signed by", StringComparison.Ordinal));
        Assert.Matches(@"\d+\. Signatures Signed by the authorised representatives", firstSignaturePage);
        Assert.Contains("For the Funder Nordic Foundation for Peace Signature Name Title Date", firstSignaturePage);
        Assert.Contains("For the Lead Organisation Women's Peace Network Signature Name Title Date", firstSignaturePage);
        Assert.All(
            document.Partners,
            partner => Assert.Single(agreement.Pages, page => page.Contains($"For the Partner {partner.Name} Signature Name Title Date", StringComparison.Ordinal)));
        Assert.Contains($"For the Partner {document.Partners[^1].Name} Signature Name Title Date", agreement.Pages[^1]);
        var signaturesFrom = agreement.Pages.ToList().IndexOf(firstSignaturePage);
        Assert.All(agreement.Pages.Take(signaturesFrom), page => Assert.DoesNotContain("Signatures", page));
    }

    [Fact]
    public void Table_row_taller_than_a_page_continues_on_the_next_page_without_losing_text()
    {
        var condition = string.Join(" ", Enumerable.Range(1, 400).Select(n => $"condition-{n:000}"));
        var grant = AgreementSamples.ConsortiumGrant() with
        {
            Tranches = [new AgreementTranche(1, new DateOnly(2026, 3, 15), 1_250_000m, condition)],
        };

        var agreement = RenderedAgreement.Of(grant);

        var pagesWithCondition = agreement.Pages.Count(page => page.Contains("condition-", StringComparison.Ordinal));
        Assert.True(pagesWithCondition >= 2, $"condition should span pages, found on {pagesWithCondition}");
        Assert.All(Enumerable.Range(1, 400), n => Assert.Contains($"condition-{n:000}", agreement.Text));
        AssertEveryPageNumbered(agreement);
    }

    [Fact]
    public void Table_header_is_repeated_on_the_page_a_table_continues_on()
    {
        var manyTranches = Enumerable.Range(1, 60)
            .Select(n => new AgreementTranche(n, new DateOnly(2026, 3, 15).AddMonths(n), 10_000m, "Previous annual report accepted"))
            .ToList();
        var agreement = RenderedAgreement.Of(AgreementSamples.ConsortiumGrant() with { Tranches = manyTranches });

        var pagesWithTranches = agreement.Pages.Where(page => page.Contains("USD 10,000.00", StringComparison.Ordinal)).ToList();

        Assert.True(pagesWithTranches.Count >= 2);
        Assert.All(pagesWithTranches, page => Assert.Contains("No. Planned date Amount Condition", page));
        Assert.All(Enumerable.Range(1, 60), n => Assert.Contains(
            $"{n} 15 {new DateOnly(2026, 3, 15).AddMonths(n):MMMM yyyy} USD 10,000.00", agreement.Text));
    }

    private static void AssertEveryPageNumbered(RenderedAgreement agreement)
    {
        var pageCount = agreement.Pages.Count;
        for (var index = 0; index < pageCount; index++)
        {
            Assert.EndsWith($"Page {index + 1} of {pageCount}", agreement.Pages[index]);
        }
    }
}
