using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GrantHub.Api.Infrastructure.Database;

/// <summary>
/// The one-off step that came with encryption at rest, run after the migrations at every start (it finds nothing to do
/// once done, and two instances running it at once write the same values): every value of an encrypted column still
/// stored in clear is rewritten encrypted, and every organisation without a name hash gets one. On SQLite the write-ahead
/// log is then checkpointed and truncated, so the clear values are in neither file (secure_delete zeroes the freed space).
/// </summary>
public static class EncryptExistingFields
{
    private const int BatchSize = 500;

    public static async Task RunAsync(GrantHubDbContext db, CancellationToken cancellationToken = default)
    {
        var rewritten = 0;
        foreach (var (entity, property, sql) in Statements(db))
        {
            var ids = await db.Database.SqlQueryRaw<Guid>(sql).ToListAsync(cancellationToken);
            foreach (var batch in ids.Chunk(BatchSize))
            {
                foreach (var id in batch)
                {
                    if (await db.FindAsync(entity.ClrType, [id], cancellationToken) is { } row)
                    {
                        db.Entry(row).Property(property.Name).IsModified = true;
                    }
                }

                rewritten += await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        if (rewritten > 0 && db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
    }

    /// <summary>For each encrypted column, the query of the ids whose value is still in clear (and the organisations without a name hash).</summary>
    public static IEnumerable<(IEntityType Entity, IProperty Property, string Sql)> Statements(GrantHubDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var (entity, property) in EncryptedColumns.TextColumnsIn(db.Model))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!);
            var column = sql.DelimitIdentifier(property.GetColumnName(table)!);
            yield return (entity, property,
                $"SELECT {key} AS {sql.DelimitIdentifier("Value")} FROM {sql.DelimitIdentifier(table.Name)} WHERE {column} IS NOT NULL AND {column} NOT LIKE '{FieldCipher.Prefix}%'");
        }

        var organisations = db.Model.FindEntityType(typeof(Organisation))!;
        yield return (organisations, organisations.FindProperty(nameof(Organisation.Name))!,
            $"SELECT {sql.DelimitIdentifier("Id")} AS {sql.DelimitIdentifier("Value")} FROM {sql.DelimitIdentifier(organisations.GetTableName()!)} " +
            $"WHERE {sql.DelimitIdentifier(EncryptedColumns.OrganisationNameLookup)} IS NULL");
    }
}
