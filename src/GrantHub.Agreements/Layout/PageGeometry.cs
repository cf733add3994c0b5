namespace GrantHub.Agreements.Layout;

/// <summary>Page size and margins in points; the footer lives below <see cref="ContentBottom"/>.</summary>
internal sealed record PageGeometry(double Width, double Height, double MarginLeft, double MarginRight, double MarginTop, double MarginBottom)
{
    public static PageGeometry A4 { get; } = new(595.28, 841.89, MarginLeft: 56, MarginRight: 56, MarginTop: 56, MarginBottom: 72);

    public double ContentLeft => MarginLeft;
    public double ContentTop => MarginTop;
    public double ContentWidth => Width - MarginLeft - MarginRight;
    public double ContentBottom => Height - MarginBottom;
    public double ContentHeight => ContentBottom - ContentTop;
}
