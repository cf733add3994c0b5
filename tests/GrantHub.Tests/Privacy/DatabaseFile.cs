using System.Text;
using GrantHub.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Privacy;

/// <summary>What a copy of the SQLite database (the file and its write-ahead log) holds, read as raw bytes.</summary>
public static class DatabaseFile
{
    /// <summary>Whether the text, as SQLite stores it (UTF-8), is anywhere in the database file or its write-ahead log.</summary>
    public static bool Holds(GrantHubFactory factory, string text)
    {
        var path = new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource;
        var needle = Encoding.UTF8.GetBytes(text);
        return new[] { path, path + "-wal" }.Where(File.Exists).Any(file => Bytes(file).AsSpan().IndexOf(needle) >= 0);
    }

    /// <summary>Copies every page of the write-ahead log into the file and empties the log.</summary>
    public static Task Checkpoint(GrantHubFactory factory) =>
        factory.WithDb(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));

    private static byte[] Bytes(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
