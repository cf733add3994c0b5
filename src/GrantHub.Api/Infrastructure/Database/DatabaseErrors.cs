using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Database;

public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteUniqueConstraint = 2067;
    private const int SqlitePrimaryKeyConstraint = 1555;
    private const int SqlServerDuplicateKeyRow = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>
    /// A concurrent transaction inserted the same unique key first (a notification's de-duplication key, a
    /// member, an account). Running the command again sees that row: it then adds nothing or refuses with its rule.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.GetBaseException() switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteUniqueConstraint or SqlitePrimaryKeyConstraint,
        SqlException sqlServer => sqlServer.Number is SqlServerDuplicateKeyRow or SqlServerUniqueConstraint,
        _ => false,
    };
}
