using System.Security.Cryptography;
using GrantHub.Core.Data;

namespace GrantHub.Tests.Privacy;

public class FieldCipherTests
{
    private static readonly byte[] OldKey = RandomNumberGenerator.GetBytes(FieldCipher.KeySizeBytes);
    private static readonly byte[] NewKey = RandomNumberGenerator.GetBytes(FieldCipher.KeySizeBytes);
    private static readonly byte[] LookupKey = RandomNumberGenerator.GetBytes(FieldCipher.KeySizeBytes);

    [Fact]
    public void The_same_text_encrypts_differently_each_time_and_decrypts_only_for_its_own_column()
    {
        var cipher = new FieldCipher("old", new Dictionary<string, byte[]> { ["old"] = OldKey }, LookupKey);

        var first = cipher.Encrypt("Association des Femmes", "Organisation.Name");
        var second = cipher.Encrypt("Association des Femmes", "Organisation.Name");

        Assert.NotEqual(first, second);
        Assert.StartsWith("gh1:old:", first);
        Assert.Equal("Association des Femmes", cipher.Decrypt(first, "Organisation.Name"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(first, "GrantReport.Narrative"));
    }

    [Fact]
    public void After_a_key_rotation_old_values_still_decrypt_and_new_ones_use_the_new_key()
    {
        var before = new FieldCipher("old", new Dictionary<string, byte[]> { ["old"] = OldKey }, LookupKey);
        var rotated = new FieldCipher("new", new Dictionary<string, byte[]> { ["old"] = OldKey, ["new"] = NewKey }, LookupKey);
        var stored = before.Encrypt("Shelter in Gitega", "EmergencyRequest.Justification");

        Assert.Equal("Shelter in Gitega", rotated.Decrypt(stored, "EmergencyRequest.Justification"));
        Assert.StartsWith("gh1:new:", rotated.Encrypt("Shelter in Gitega", "EmergencyRequest.Justification"));
        Assert.Equal(before.Lookup(" shelter in gitega "), rotated.Lookup("Shelter in Gitega"));
        Assert.NotEqual(before.Fingerprint, rotated.Fingerprint);
    }

    [Fact]
    public void A_tampered_value_is_refused_rather_than_read()
    {
        var cipher = new FieldCipher("old", new Dictionary<string, byte[]> { ["old"] = OldKey }, LookupKey);
        var stored = cipher.Encrypt("Narrative", "GrantReport.Narrative");
        var header = stored[..(stored.LastIndexOf(':') + 1)];
        var sealedBytes = Convert.FromBase64String(stored[header.Length..]);
        sealedBytes[sealedBytes.Length / 2] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(header + Convert.ToBase64String(sealedBytes), "GrantReport.Narrative"));
    }
}
