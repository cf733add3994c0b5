namespace GrantHub.Core.Common;

/// <summary>
/// An aggregate whose updates are guarded by an application-managed version number: SQLite does not
/// generate rowversion values, so the context increments <see cref="Version"/> on every update and
/// EF Core adds it to the UPDATE's WHERE clause.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
