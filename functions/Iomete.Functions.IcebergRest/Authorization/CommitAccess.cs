using Iomete.DataSecurity.Decisions;
using Iomete.Iceberg.Commits;

namespace Iomete.Functions.IcebergRest.Authorization;

/// <summary>
/// The access types a table commit needs, from what it changes: a snapshot that appends needs INSERT, one that deletes
/// needs DELETE, an overwrite or rewrite needs UPDATE; every other change (schema, partitioning, properties, refs,
/// snapshot expiry, location) needs ALTER.
/// </summary>
internal static class CommitAccess
{
    public static IReadOnlyList<string> Required(IReadOnlyList<TableUpdate> updates)
    {
        var needed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var update in updates)
        {
            switch (update)
            {
                case AddSnapshot add:
                    needed.Add(OperationAccess(add.Snapshot.Operation));
                    break;
                case SetSnapshotRef:
                    // Moving a branch to a snapshot this commit adds is part of writing it; refs alone are metadata.
                    if (!updates.OfType<AddSnapshot>().Any())
                    {
                        needed.Add(DataAccessTypes.Alter);
                    }
                    break;
                default:
                    needed.Add(DataAccessTypes.Alter);
                    break;
            }
        }
        return needed.ToList();
    }

    private static string OperationAccess(string? operation) => operation switch
    {
        "append" => DataAccessTypes.Insert,
        "delete" => DataAccessTypes.Delete,
        _ => DataAccessTypes.Update,
    };
}
