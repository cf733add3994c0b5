namespace GrantHub.Agreements.Layout;

/// <param name="Caption">Whose behalf the signature is given on, e.g. "For the Funder".</param>
/// <param name="Signatory">The organisation signing.</param>
internal sealed record SignatureBlock(string Caption, string Signatory);
