using BenchmarkDotNet.Attributes;
using GrantHub.Agreements;

namespace GrantHub.Benchmarks;

[MemoryDiagnoser]
public class AgreementRenderingBenchmarks
{
    private readonly AgreementPdfRenderer _renderer = new();
    private readonly AgreementDocument _typical = BenchmarkAgreements.ThreePartnerGrant();
    private readonly AgreementDocument _long = BenchmarkAgreements.TwelvePartnerGrantWithAmendments();

    [GlobalSetup]
    public void ReportPdfSizes()
    {
        Console.WriteLine($"// Typical 3-partner agreement PDF: {Pdf(_renderer.Render(_typical)).Length:N0} bytes");
        Console.WriteLine($"// Long 12-partner agreement PDF: {Pdf(_renderer.Render(_long)).Length:N0} bytes");
    }

    private static byte[] Pdf(byte[] rendered) =>
        rendered.AsSpan().StartsWith("%PDF-"u8) ? rendered : throw new InvalidOperationException("The renderer did not produce a PDF.");

    [Benchmark(Baseline = true)]
    public byte[] Typical_three_partner_agreement() => _renderer.Render(_typical);

    [Benchmark]
    public byte[] Long_twelve_partner_agreement() => _renderer.Render(_long);
}
