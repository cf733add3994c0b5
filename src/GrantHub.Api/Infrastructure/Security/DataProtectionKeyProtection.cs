using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace GrantHub.Api.Infrastructure.Security;

/// <summary>
/// Data-protection keys sign every access and refresh token; they live in the database, so in Production they are
/// encrypted at rest with the key of a certificate given in configuration, and GrantHub refuses to start without one.
/// Elsewhere the certificate is optional and keys are stored as plain XML.
/// </summary>
public static class DataProtectionKeyProtection
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    /// <summary>What is missing for this environment, for the start-up message; null when nothing is.</summary>
    public static string? MissingSetting(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsProduction() && string.IsNullOrWhiteSpace(configuration[CertificatePathSetting])
            ? $"{CertificatePathSetting} is missing: a PKCS#12 (.pfx) certificate with its private key, which encrypts the "
                + $"data-protection keys at rest (and {CertificatePasswordSetting} if the file has a password)."
            : null;

    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        if (MissingSetting(configuration, environment) is { } missing)
        {
            throw new InvalidOperationException($"GrantHub cannot start in Production: {missing}");
        }

        var path = configuration[CertificatePathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            return builder;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting]);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{CertificatePathSetting} names a certificate without its private key: keys encrypted with it could never be read back.");
        }

        return builder.ProtectKeysWithCertificate(certificate);
    }
}
