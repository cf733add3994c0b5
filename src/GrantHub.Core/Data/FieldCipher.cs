using System.Security.Cryptography;
using System.Text;

namespace GrantHub.Core.Data;

/// <summary>
/// Authenticated encryption (AES-256-GCM) of the columns that would endanger people if the database leaked, with keys
/// that never live in the database. A stored value reads <c>gh1:&lt;key id&gt;:&lt;base64 nonce|ciphertext|tag&gt;</c>;
/// the column's name is bound in as associated data, so a value moved to another column does not decrypt. Several keys
/// may be configured (rotation): new values use the active one, older values name theirs. A value without the prefix
/// was written before encryption existed and is read as it is, until <c>EncryptExistingFields</c> rewrites it.
/// Lookups of an encrypted value (an organisation by its exact name) go through a keyed hash (HMAC-SHA256) column.
/// </summary>
public sealed class FieldCipher
{
    public const string Prefix = "gh1:";
    public const int KeySizeBytes = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly string _activeKeyId;
    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly byte[] _lookupKey;

    public FieldCipher(string activeKeyId, IReadOnlyDictionary<string, byte[]> keys, byte[] lookupKey)
    {
        if (!keys.ContainsKey(activeKeyId))
        {
            throw new ArgumentException($"The active key '{activeKeyId}' is not among the configured keys.", nameof(activeKeyId));
        }

        if (keys.Any(k => k.Value.Length != KeySizeBytes || k.Key.Contains(':', StringComparison.Ordinal) || k.Key.Length == 0) || lookupKey.Length != KeySizeBytes)
        {
            throw new ArgumentException($"Every key is {KeySizeBytes} bytes and every key id is non-empty without ':'.", nameof(keys));
        }

        _activeKeyId = activeKeyId;
        _keys = keys;
        _lookupKey = lookupKey;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('|', keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + Convert.ToHexString(k.Value)))
            + "|" + activeKeyId + "|" + Convert.ToHexString(lookupKey))))[..16];
    }

    /// <summary>Identifies this set of keys without revealing them (EF keeps one model per set of keys).</summary>
    public string Fingerprint { get; }

    public static bool IsEncrypted(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Encrypt(string plaintext, string column) =>
        $"{Prefix}{_activeKeyId}:{Convert.ToBase64String(Seal(Encoding.UTF8.GetBytes(plaintext), column))}";

    public string Decrypt(string stored, string column)
    {
        if (!IsEncrypted(stored))
        {
            return stored;
        }

        var separator = stored.IndexOf(':', Prefix.Length);
        var keyId = separator < 0 ? "" : stored[Prefix.Length..separator];
        return Encoding.UTF8.GetString(Open(keyId, Convert.FromBase64String(stored[(separator + 1)..]), column));
    }

    /// <summary>Binary values (a stored JSON response) carry the same header as text, as bytes.</summary>
    public byte[] Encrypt(byte[] plaintext, string column) => [.. Encoding.ASCII.GetBytes($"{Prefix}{_activeKeyId}:"), .. Seal(plaintext, column)];

    public byte[] Decrypt(byte[] stored, string column)
    {
        var prefix = Encoding.ASCII.GetBytes(Prefix);
        if (!stored.AsSpan().StartsWith(prefix))
        {
            return stored;
        }

        var separator = stored.AsSpan(prefix.Length).IndexOf((byte)':') + prefix.Length;
        var keyId = separator < prefix.Length ? "" : Encoding.ASCII.GetString(stored, prefix.Length, separator - prefix.Length);
        return Open(keyId, stored[(separator + 1)..], column);
    }

    /// <summary>The keyed hash an exact-match lookup compares: case and surrounding spaces do not count.</summary>
    public string Lookup(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(value.Trim().ToUpperInvariant())));

    private byte[] Seal(byte[] plainBytes, string column)
    {
        var sealedBytes = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, plainBytes, sealedBytes.AsSpan(NonceSize, plainBytes.Length), sealedBytes.AsSpan(NonceSize + plainBytes.Length), AssociatedData(column));
        return sealedBytes;
    }

    private byte[] Open(string keyId, byte[] sealedBytes, string column)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"A value of {column} was encrypted with key '{keyId}', which is not configured.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plainBytes = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plainBytes, AssociatedData(column));
        return plainBytes;
    }

    private static byte[] AssociatedData(string column) => Encoding.UTF8.GetBytes(column);
}
