using PdfSharp.Fonts;

namespace GrantHub.Agreements.Fonts;

internal static class AgreementFonts
{
    /// <summary>Any name works with <see cref="DejaVuFontResolver"/>; this one says what is actually used.</summary>
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static volatile bool registered;

    /// <summary>
    /// Installs <see cref="DejaVuFontResolver"/> as PDFsharp's process-wide resolver. PDFsharp accepts
    /// a resolver only once per process, so a resolver of another type set by the host is an error.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (registered)
        {
            return;
        }

        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = DejaVuFontResolver.Instance;
                    break;
                case DejaVuFontResolver:
                    break;
                case var other:
                    throw new InvalidOperationException(
                        $"PDFsharp's font resolver is already set to {other.GetType().FullName}; " +
                        "GrantHub.Agreements needs its own DejaVu font resolver and PDFsharp allows only one per process.");
            }

            registered = true;
        }
    }
}
