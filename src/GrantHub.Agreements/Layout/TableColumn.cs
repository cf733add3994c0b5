namespace GrantHub.Agreements.Layout;

/// <param name="RelativeWidth">Share of the table width, relative to the other columns.</param>
/// <param name="AlignRight">For amounts, so that digits line up.</param>
internal sealed record TableColumn(string Header, double RelativeWidth, bool AlignRight = false);
