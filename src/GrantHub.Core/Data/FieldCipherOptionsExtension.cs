using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Core.Data;

/// <summary>
/// Carries the <see cref="FieldCipher"/> in the context's options rather than its constructor, so the context can be
/// pooled (a pooled context takes its options and nothing else). It adds no EF service: contexts with different
/// ciphers share EF's internal services; their models differ by the cipher's fingerprint (<see cref="EncryptionAwareModelCacheKeyFactory"/>).
/// </summary>
public sealed class FieldCipherOptionsExtension(FieldCipher cipher) : IDbContextOptionsExtension
{
    public FieldCipher Cipher { get; } = cipher;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "FieldCipher ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["GrantHub:FieldCipher"] = "1";
    }
}

public static class FieldCipherOptions
{
    /// <summary>The cipher of the encrypted columns; the model is cached per cipher, since its value converters hold it.</summary>
    public static TBuilder UseFieldCipher<TBuilder>(this TBuilder options, FieldCipher cipher)
        where TBuilder : DbContextOptionsBuilder
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new FieldCipherOptionsExtension(cipher));
        options.ReplaceService<IModelCacheKeyFactory, EncryptionAwareModelCacheKeyFactory>();
        return options;
    }

    public static FieldCipher FieldCipherOf(DbContextOptions options) =>
        options.FindExtension<FieldCipherOptionsExtension>()?.Cipher
        ?? throw new InvalidOperationException("The context's options carry no field cipher: configure them with UseFieldCipher.");
}
