using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Auditing;
using GrantHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Pipeline;

/// <summary>Appends hash-chained audit entries inside the command's own transaction.</summary>
public sealed class AuditTrail(GrantHubDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>SQL Server: the application lock that serializes appends, held until the transaction ends.</summary>
    public const string SqlServerChainLock =
        """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = 'granthub-audit-chain', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000;
        IF @result < 0 THROW 51000, 'The audit chain could not be locked; the command was not applied.', 1;
        """;

    public async Task AppendAsync(object command, Guid? objectId, CancellationToken cancellationToken)
    {
        await SerializeAppendsAsync(cancellationToken);

        var last = await db.AuditEntries
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);

        var entry = new AuditEntry(
            (last?.Sequence ?? 0) + 1,
            currentUser.Id,
            // Only the account's id: an e-mail address is personal data, which the chain must never hold (an erased
            // account could not be erased from it without breaking every later hash). Readers look the address up.
            userEmail: null,
            CommandName(command.GetType()),
            objectId,
            clock.GetUtcNow(),
            AuditPayload.Serialize(command),
            last?.Hash ?? AuditEntry.GenesisHash);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string CommandName(Type commandType) =>
        commandType.Name.EndsWith("Command", StringComparison.Ordinal) ? commandType.Name[..^"Command".Length] : commandType.Name;

    /// <summary>
    /// Two transactions must never read the same chain head. SQLite transactions begin IMMEDIATE, holding
    /// the database's single write lock already; SQL Server needs an explicit application lock, held until commit.
    /// The unique sequence key stops a fork should either ever fail.
    /// </summary>
    private async Task SerializeAppendsAsync(CancellationToken cancellationToken)
    {
        if (!db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync(SqlServerChainLock, cancellationToken);
        }
    }
}
