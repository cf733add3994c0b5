using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GrantHub.Agreements.Layout;

/// <summary>A cursor moving down the content area, starting a new page whenever content would not fit.</summary>
internal sealed class PageFlow : IDisposable
{
    private readonly PdfDocument _document;
    private XGraphics _graphics;

    public PageFlow(PdfDocument document, PageGeometry geometry)
    {
        _document = document;
        Geometry = geometry;
        _graphics = OpenNewPage();
        Y = geometry.ContentTop;
    }

    public PageGeometry Geometry { get; }
    public XGraphics Graphics => _graphics;
    public double Y { get; private set; }
    public double Left => Geometry.ContentLeft;
    public double Width => Geometry.ContentWidth;
    public double RemainingHeight => Geometry.ContentBottom - Y;
    public bool IsAtPageTop => Y <= Geometry.ContentTop;

    /// <summary>Moves to a new page unless <paramref name="height"/> fits below the cursor or the page is still empty.</summary>
    public void EnsureSpace(double height)
    {
        if (height > RemainingHeight && !IsAtPageTop)
        {
            StartNewPage();
        }
    }

    public void StartNewPage()
    {
        _graphics.Dispose();
        _graphics = OpenNewPage();
        Y = Geometry.ContentTop;
    }

    public void Advance(double height) => Y += height;

    public void Dispose() => _graphics.Dispose();

    private XGraphics OpenNewPage()
    {
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(Geometry.Width);
        page.Height = XUnit.FromPoint(Geometry.Height);
        return XGraphics.FromPdfPage(page);
    }
}
