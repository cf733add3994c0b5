using System.Security.Cryptography;
using System.Text;

namespace GrantHub.Api.Features.OpenData;

/// <summary>
/// Stable pseudonymous identifiers: HMAC-SHA256 of the record's id under the deployment secret. The same record gets
/// the same identifier in every export of this deployment; without the secret nobody can compute it from the id or
/// link it to another funder's data, whose secret differs.
/// </summary>
public sealed class OpenDataPseudonyms(byte[] secret, string prefix)
{
    public string Organisation(Guid organisationId) => $"{prefix}-ANON-{Hash("organisation", organisationId)}";

    public string Grant(Guid grantId) => $"{prefix}-ANON-G-{Hash("grant", grantId)}";

    public string EmergencyGrant(Guid requestId) => $"{prefix}-ANON-E-{Hash("emergency", requestId)}";

    private string Hash(string kind, Guid id)
    {
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{kind}/{id:N}"));
        // 120 bits: no collision in any realistic portfolio, short enough for a CSV cell.
        return Convert.ToHexStringLower(mac.AsSpan(0, 15));
    }
}
