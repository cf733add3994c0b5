using GrantHub.Agreements.Composition;
using GrantHub.Agreements.Fonts;
using GrantHub.Agreements.Layout;
using GrantHub.Agreements.Output;
using PdfSharp.Pdf;

namespace GrantHub.Agreements;

/// <summary>
/// Renders a grant agreement to PDF. Stateless and safe to share between threads; the same
/// <see cref="AgreementDocument"/> always gives the same bytes.
/// </summary>
public sealed class AgreementPdfRenderer
{
    public byte[] Render(AgreementDocument agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        AgreementFonts.EnsureRegistered();

        var identitySeed = $"{agreement.GrantNumber}\n{agreement.Version}\n{agreement.GeneratedAt.UtcTicks}";
        using var pdf = new PdfDocument();
        Describe(pdf, agreement);
        StablePdfIdentifiers.SetDocumentId(pdf, identitySeed);

        var style = new AgreementStyle();
        var geometry = PageGeometry.A4;
        using (var flow = new PageFlow(pdf, geometry))
        {
            new AgreementComposer(agreement, flow, style).Compose();
        }

        PageFooters.Draw(pdf, geometry, style, $"Grant {agreement.GrantNumber} · Agreement version {agreement.Version}");

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return StablePdfIdentifiers.ReplaceRandomIdentifiers(output.ToArray(), identitySeed);
    }

    private static void Describe(PdfDocument pdf, AgreementDocument agreement)
    {
        var generatedAt = agreement.GeneratedAt.UtcDateTime;
        pdf.Info.Title = $"Grant agreement {agreement.GrantNumber}, version {agreement.Version}";
        pdf.Info.Subject = $"Core funding grant from {agreement.FunderName} to {agreement.Lead.Name}";
        pdf.Info.Creator = "GrantHub";
        pdf.Info.CreationDate = generatedAt;
        pdf.Info.ModificationDate = generatedAt;
    }
}
