namespace GrantHub.Core.Applications;

/// <summary>
/// The answer of the registered organisation an unregistered group names as its fiscal host: Requested until the host's
/// owners consent or decline; a change of host or fee asks again.
/// </summary>
public enum FiscalHostConsent
{
    Requested,
    Consented,
    Declined,
}
