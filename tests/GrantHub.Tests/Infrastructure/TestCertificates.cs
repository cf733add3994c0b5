using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GrantHub.Tests.Infrastructure;

public static class TestCertificates
{
    /// <summary>Writes a self-signed certificate with its private key as a password-protected .pfx file, as Production needs for its keys.</summary>
    public static string CreatePfx(string path, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=GrantHub data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
