using Iomete.Iceberg.IO;
using Iomete.Iceberg.Maintenance;
using Iomete.Iceberg.Metadata;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>
/// Deletes every file a dropped table's metadata reaches: metadata files (current and logged), manifest
/// lists, manifests, data and delete files, statistics. Only files the metadata names are deleted, so a
/// table registered over another table's files cannot take unrelated files with it.
/// </summary>
public sealed partial class TablePurger(TableFileIO io, ILogger<TablePurger> logger)
{
    public async Task<int> PurgeAsync(string metadataLocation, TableMetadata metadata, CancellationToken ct)
    {
        var files = await ReachableFiles.LocationsAsync(io, metadata, metadataLocation, maxConcurrency: 8,
            (file, ex) => LogUnreadable(logger, file, ex), ct);
        var deleted = 0;
        foreach (var file in files.Where(io.Owns))
        {
            try
            {
                await io.DeleteAsync(file, ct);
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException)
            {
                LogDeleteFailed(logger, file, ex);
            }
        }
        LogPurged(logger, metadataLocation, deleted);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} files of the table whose metadata was {Location}")]
    private static partial void LogPurged(ILogger logger, string location, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {File} while purging a table")]
    private static partial void LogDeleteFailed(ILogger logger, string file, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read {File} while purging a table; files it names are kept")]
    private static partial void LogUnreadable(ILogger logger, string file, Exception exception);
}
