using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Views;

/// <summary>Applies a view commit's updates, in order and all or nothing, as the Java <c>ViewMetadata.Builder</c> does.</summary>
public static partial class ViewMetadataUpdater
{
    /// <summary>
    /// Returns new metadata with every update applied; <paramref name="base"/> null builds a new view
    /// (random UUID unless <c>assign-uuid</c> names one). A version made current gets a version-log
    /// entry (its own timestamp when added in this commit, else <paramref name="nowMs"/>); versions beyond
    /// <c>version.history.num-entries</c> (default 10) are expired, keeping the current one and those added now.
    /// </summary>
    /// <exception cref="InvalidCommitException">An update cannot be applied or the result is invalid.</exception>
    public static ViewMetadata Apply(ViewMetadata? @base, IReadOnlyList<TableUpdate> updates, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var state = new ViewState(@base, nowMs);
        for (var i = 0; i < updates.Count; i++)
        {
            try
            {
                state.Apply(updates[i]);
            }
            catch (Exception ex) when (ex is InvalidCommitException or SchemaValidationException or ArgumentException or InvalidOperationException)
            {
                throw new InvalidCommitException($"updates[{i}] {updates[i].Action}: {ex.Message}", ex);
            }
        }
        var result = state.Build();
        try
        {
            ViewMetadataJson.Validate(result);
        }
        catch (IcebergFormatException ex)
        {
            throw new InvalidCommitException($"The updates leave invalid view metadata: {ex.Message}", ex);
        }
        return result;
    }
}
