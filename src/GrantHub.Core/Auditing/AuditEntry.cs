using System.Security.Cryptography;
using System.Text;
using GrantHub.Core.Common;

namespace GrantHub.Core.Auditing;

/// <summary>
/// One successful command. Each entry's hash covers its own content and the previous entry's hash,
/// so altering, inserting or deleting a row breaks the chain from that point on. <see cref="OccurredAt"/> is
/// normalised to <see cref="StoredInstant"/> before hashing, so the hash covers exactly what every provider stores.
/// </summary>
public class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEntry()
    {
    }

    public AuditEntry(
        long sequence,
        Guid? userId,
        string? userEmail,
        string command,
        Guid? objectId,
        DateTimeOffset occurredAt,
        string payload,
        string previousHash)
    {
        Sequence = sequence;
        UserId = userId;
        UserEmail = userEmail;
        Command = command;
        ObjectId = objectId;
        OccurredAt = StoredInstant.Normalise(occurredAt);
        Payload = payload;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public long Sequence { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserEmail { get; private set; }
    public string Command { get; private set; } = "";
    public Guid? ObjectId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Payload { get; private set; } = "";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    public string ComputeHash()
    {
        var canonical = string.Join(
            '\n',
            Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            UserId?.ToString("N") ?? "",
            UserEmail ?? "",
            Command,
            ObjectId?.ToString("N") ?? "",
            OccurredAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Payload,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
