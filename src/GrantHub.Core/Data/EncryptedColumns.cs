using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GrantHub.Core.Data;

/// <summary>
/// Which columns are encrypted at rest (<see cref="FieldCipher"/>), marked in the entity configurations with
/// <see cref="IsEncrypted"/>. Encrypted columns have no length limit in the database: the validators limit the text,
/// the ciphertext is longer. They can be read, written and projected like any column, never compared or sorted in SQL.
/// </summary>
public static class EncryptedColumns
{
    /// <summary>The keyed hash of an organisation's name (<see cref="FieldCipher.Lookup"/>), for exact-name lookups.</summary>
    public const string OrganisationNameLookup = "NameLookup";

    private const string Marker = "GrantHub:Encrypted";

    public static PropertyBuilder<TProperty> IsEncrypted<TProperty>(this PropertyBuilder<TProperty> property) =>
        property.HasAnnotation(Marker, true);

    /// <summary>Organisations whose name is exactly <paramref name="name"/> (case and surrounding spaces aside).</summary>
    public static IQueryable<Organisation> NamedExactly(this IQueryable<Organisation> organisations, FieldCipher cipher, string name)
    {
        var lookup = cipher.Lookup(name);
        return organisations.Where(o => EF.Property<string>(o, OrganisationNameLookup) == lookup);
    }

    /// <summary>
    /// Every encrypted text column, for the one-off encryption of old rows. (The one binary column, the stored responses
    /// of idempotent requests, is not in it: those rows are deleted within a day.)
    /// </summary>
    public static IEnumerable<(IEntityType Entity, IProperty Property)> TextColumnsIn(IModel model) =>
        model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e, Property: p)))
            .Where(x => x.Property.GetValueConverter() is EncryptingConverter);

    /// <summary>Replaces the markers with converters that encrypt with <paramref name="cipher"/>.</summary>
    internal static void Apply(ModelBuilder builder, FieldCipher cipher)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.FindAnnotation(Marker) is not null).ToList())
        {
            property.RemoveAnnotation(Marker);
            property.SetMaxLength(null);
            var column = $"{property.DeclaringType.ClrType.Name}.{property.Name}";
            property.SetValueConverter(property.ClrType == typeof(byte[]) ? new EncryptingBytesConverter(cipher, column) : new EncryptingConverter(cipher, column));
        }
    }

    internal sealed class EncryptingConverter(FieldCipher cipher, string column)
        : ValueConverter<string, string>(value => cipher.Encrypt(value, column), stored => cipher.Decrypt(stored, column));

    internal sealed class EncryptingBytesConverter(FieldCipher cipher, string column)
        : ValueConverter<byte[], byte[]>(value => cipher.Encrypt(value, column), stored => cipher.Decrypt(stored, column));
}

/// <summary>EF builds the model once per set of keys, so hosts configured with different keys never share converters.</summary>
internal sealed class EncryptionAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is GrantHubDbContext grantHub ? (context.GetType(), grantHub.Cipher.Fingerprint, designTime) : (context.GetType(), designTime);
}
