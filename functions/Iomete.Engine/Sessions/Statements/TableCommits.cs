using Iomete.Engine.Catalogs;
using Iomete.Iceberg.Writes;

namespace Iomete.Engine.Sessions.Statements;

/// <summary>
/// Commits a prepared snapshot through the catalog; when a concurrent writer won, the work is prepared again on the new
/// metadata (a fresh attempt of the whole statement for row changes), up to the configured attempts. Metadata files of
/// a failed attempt are deleted.
/// </summary>
internal static class TableCommits
{
    /// <summary>Runs <paramref name="attempt"/> until its commit lands; it gets the freshly loaded table each time.</summary>
    /// <returns>The committed table, or null when the attempt had nothing to commit.</returns>
    public static async Task<CatalogTable?> CommitWithRetriesAsync(
        StatementContext context, TableIdent ident, Func<CatalogTable, CancellationToken, Task<PreparedWrite>> attempt, CancellationToken ct)
    {
        CatalogCommitConflictException? last = null;
        for (var i = 0; i < Math.Max(1, context.CommitAttempts); i++)
        {
            var table = await context.Mirror.LoadTableAsync(ident, ct)
                ?? throw new SqlObjectNotFoundException($"Table '{ident}' does not exist (dropped while the statement ran?)");
            var prepared = await attempt(table, ct);
            if (prepared.Commit is not { } commit)
            {
                return null;
            }
            try
            {
                var committed = await context.Catalog.CommitAsync(ident, commit.Requirements, commit.Updates, ct);
                await context.Mirror.ForgetAsync(ident, ct);
                return committed;
            }
            catch (CatalogCommitConflictException e)
            {
                last = e;
                await Task.Delay(Backoff(i), ct);
                await commit.CleanupAsync(context.Io, CancellationToken.None);
                await DeleteAsync(context, prepared.FilesOfThisAttempt);
            }
            catch
            {
                await commit.CleanupAsync(context.Io, CancellationToken.None);
                await DeleteAsync(context, prepared.FilesOfThisAttempt);
                throw;
            }
        }
        throw new SqlCommitConflictException($"Table '{ident}' kept changing: the commit lost to concurrent writers {context.CommitAttempts} times", last);
    }

    /// <summary>Jittered exponential backoff (20 ms doubling, at most 1 s) so racing writers spread out.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(1000, 20 * (1 << Math.Min(attempt, 6))) * (0.5 + Random.Shared.NextDouble()));

    private static async Task DeleteAsync(StatementContext context, IEnumerable<string> locations)
    {
        foreach (var location in locations)
        {
            await context.Io.DeleteAsync(location, CancellationToken.None);
        }
    }
}

/// <summary>One attempt of a write: the snapshot to commit (null = nothing changed) and the data files written for this attempt only.</summary>
internal sealed record PreparedWrite(SnapshotCommit? Commit, IReadOnlyList<string> FilesOfThisAttempt);
