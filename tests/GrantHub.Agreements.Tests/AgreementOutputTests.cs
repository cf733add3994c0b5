using System.Security.Cryptography;

namespace GrantHub.Agreements.Tests;

public sealed class AgreementOutputTests
{
    [Fact]
    public void Same_agreement_renders_to_identical_bytes_so_its_sha256_is_stable()
    {
        var renderer = new AgreementPdfRenderer();

        var first = renderer.Render(AgreementSamples.ConsortiumGrant());
        var second = renderer.Render(AgreementSamples.ConsortiumGrant());

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
    }

    [Fact]
    public void A_new_version_of_the_agreement_has_a_different_sha256()
    {
        var renderer = new AgreementPdfRenderer();
        var version2 = AgreementSamples.ConsortiumGrant();
        var version3 = version2 with { Version = 3, GeneratedAt = version2.GeneratedAt.AddDays(30) };

        Assert.NotEqual(SHA256.HashData(renderer.Render(version2)), SHA256.HashData(renderer.Render(version3)));
    }

    [Fact]
    public void Creation_date_is_when_the_agreement_was_generated()
    {
        var agreement = RenderedAgreement.Of(AgreementSamples.ConsortiumGrant());

        Assert.StartsWith("D:20260220093000", agreement.CreationDate);
    }

    [Fact]
    public void Output_is_a_pdf_document()
    {
        var bytes = new AgreementPdfRenderer().Render(AgreementSamples.ConsortiumGrant());

        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }

    [Fact]
    public void One_renderer_can_serve_many_threads_at_once()
    {
        var renderer = new AgreementPdfRenderer();
        var expected = renderer.Render(AgreementSamples.LargeConsortiumWithAmendments());

        var results = new byte[16][];
        Parallel.For(0, results.Length, index => results[index] = renderer.Render(AgreementSamples.LargeConsortiumWithAmendments()));

        Assert.All(results, result => Assert.Equal(expected, result));
    }
}
