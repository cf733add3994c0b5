using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace GrantHub.Tests.Operations;

public sealed class DataProtectionKeyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("granthub-keys-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Production_refuses_to_start_without_a_certificate_for_the_keys()
    {
        var services = new ServiceCollection();

        var refusal = Assert.Throws<InvalidOperationException>(() =>
            services.AddDataProtection().ProtectKeysAtRest(Settings([]), new Environment(Environments.Production)));

        Assert.Contains(DataProtectionKeyProtection.CertificatePathSetting, refusal.Message);
        Assert.NotNull(DataProtectionKeyProtection.MissingSetting(Settings([]), new Environment(Environments.Production)));
        Assert.Null(DataProtectionKeyProtection.MissingSetting(Settings([]), new Environment(Environments.Development)));
    }

    [Fact]
    public void With_a_certificate_the_stored_keys_are_encrypted_and_still_unprotect_tokens_after_a_restart()
    {
        var certificatePath = TestCertificates.CreatePfx(Path.Combine(_directory, "keys.pfx"), "pfx-password");

        var settings = Settings(new()
        {
            [DataProtectionKeyProtection.CertificatePathSetting] = certificatePath,
            [DataProtectionKeyProtection.CertificatePasswordSetting] = "pfx-password",
        });
        var keysDirectory = Directory.CreateDirectory(Path.Combine(_directory, "ring"));

        var token = Protector(settings, keysDirectory).Protect("session payload");

        var keyXml = string.Join("", keysDirectory.GetFiles("*.xml").Select(f => File.ReadAllText(f.FullName)));
        Assert.Contains("EncryptedData", keyXml);
        Assert.DoesNotContain("<masterKey", keyXml);
        Assert.Equal("session payload", Protector(settings, keysDirectory).Unprotect(token));
    }

    private static IDataProtector Protector(IConfiguration settings, DirectoryInfo keys)
    {
        var services = new ServiceCollection();
        services.AddDataProtection()
            .SetApplicationName("GrantHub")
            .PersistKeysToFileSystem(keys)
            .ProtectKeysAtRest(settings, new Environment(Environments.Production));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "GrantHub.Api";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
