using System.Text.RegularExpressions;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace GrantHub.Tests.Operations;

/// <summary>
/// Where no SQL Server is reachable, every statement GrantHub would send it is still parsed by Microsoft's own T-SQL
/// parser: the idempotent migration script (each batch, and each statement EF hides inside <c>EXEC(N'...')</c>) and
/// the raw SQL in the code.
/// </summary>
public partial class SqlServerScriptTests
{
    /// <summary>Source files that send hand-written SQL, and why each statement is safe on SQL Server (tested below).</summary>
    private static readonly Dictionary<string, string> FilesWithRawSql = new()
    {
        ["src/GrantHub.Api/Infrastructure/Pipeline/AuditTrail.cs"] = "the audit chain lock (SQL Server only)",
        ["src/GrantHub.Api/Infrastructure/Email/NotificationInsert.cs"] = "the set-based notification insert (one dialect per provider)",
        ["src/GrantHub.Api/Infrastructure/Database/DatabaseSetup.cs"] = "PRAGMA journal_mode=WAL (SQLite only)",
        ["src/GrantHub.Api/Infrastructure/Database/EncryptExistingFields.cs"] = "the ids of values still in clear (parsed below); PRAGMA wal_checkpoint (SQLite only)",
        ["src/GrantHub.Api/Features/Privacy/ErasePersonalDataAfterRetention.cs"] = "PRAGMA wal_checkpoint (SQLite only)",
    };

    [Fact]
    public void The_idempotent_migration_script_parses_as_T_SQL_with_every_statement_inside_its_EXEC_strings()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var batches = GoSeparator().Split(script).Where(batch => !string.IsNullOrWhiteSpace(batch)).ToList();
        var dynamicStatements = batches.SelectMany(DynamicSql).ToList();

        Assert.Contains(batches, batch => batch.Contains("CREATE TABLE [Notifications]", StringComparison.Ordinal));
        Assert.NotEmpty(dynamicStatements);
        Assert.Empty(batches.Concat(dynamicStatements).SelectMany(ParseErrors));
    }

    [Fact]
    public void The_raw_SQL_sent_to_SQL_Server_parses()
    {
        using var db = SqlServerContext();

        string[] statements = [AuditTrail.SqlServerChainLock, NotificationInsert.Sql(db), .. EncryptExistingFields.Statements(db).Select(s => s.Sql)];

        Assert.Contains("OPENJSON(@rows) WITH ([Id] uniqueidentifier '$[0]'", statements[1]);
        Assert.Contains("WITH (UPDLOCK, HOLDLOCK)", statements[1]);
        Assert.Empty(statements.SelectMany(ParseErrors));
    }

    [Fact]
    public void The_parser_catches_what_SQL_Server_would_refuse()
    {
        Assert.NotEmpty(ParseErrors("INSERT INTO [Notifications] ([Id]) VALUES (@p0) ON CONFLICT ([Id]) DO NOTHING"));
        Assert.NotEmpty(DynamicSql("EXEC(N'CREATE TABLE [T] ([Id] int PRIMARY KEY AUTOINCREMENT, [Name] nvarchar(9) DEFAULT N''x'')')").SelectMany(ParseErrors));
    }

    [Fact]
    public void Every_file_that_sends_hand_written_SQL_is_known_to_these_tests()
    {
        var root = RepositoryRoot();
        var sending = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => RawSqlCall().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order()
            .ToList();

        Assert.Equal(FilesWithRawSql.Keys.Order(), sending);
    }

    private static GrantHubDbContext SqlServerContext()
    {
        var options = new DbContextOptionsBuilder<GrantHubDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.SqlServer, "Server=localhost;Database=GrantHub;TrustServerCertificate=True");
        return new GrantHubDbContext(options.UseFieldCipher(GrantHubFactory.TestCipher()).Options);
    }

    /// <summary>The statements inside <c>EXEC(N'...')</c>, unescaped.</summary>
    private static IEnumerable<string> DynamicSql(string batch) =>
        ExecString().Matches(batch).Select(match => match.Groups["sql"].Value.Replace("''", "'", StringComparison.Ordinal));

    private static IEnumerable<string> ParseErrors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(error => $"line {error.Line}: {error.Message} in:\n{sql}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GrantHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("GrantHub.sln not found above the test assembly.");
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoSeparator();

    [GeneratedRegex(@"EXEC\(N'(?<sql>(?:[^']|'')*)'\)", RegexOptions.IgnoreCase)]
    private static partial Regex ExecString();

    [GeneratedRegex(@"\b(ExecuteSql|ExecuteSqlRaw|ExecuteSqlInterpolated|FromSql|FromSqlRaw|FromSqlInterpolated|SqlQuery|SqlQueryRaw)(Async)?\s*\(")]
    private static partial Regex RawSqlCall();
}
