using Iomete.Engine.DuckDb;
using Iomete.Engine.Parquet;

namespace Iomete.Engine.Tests.Parquet;

public sealed class EmptyWriteTests : IDisposable
{
    private readonly Warehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public async Task WriteRows_WithNoRows_WritesNoFiles()
    {
        var table = TestTables.New(warehouse.TableLocation("empty_rows"));

        Assert.Empty(await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(table, []));
        Assert.False(Directory.Exists(Path.Combine(warehouse.Folder, "db", "empty_rows")));
    }

    [Fact]
    public async Task WriteQuery_WithNoRows_WritesAnEmptyFileWithZeroRecords()
    {
        var table = TestTables.New(warehouse.TableLocation("empty_query"));
        await using var connection = await EngineConnections.OpenInMemoryAsync(CancellationToken.None);

        var file = await new ParquetDataFileWriter(warehouse.IO).WriteQueryAsync(connection, table,
            "SELECT 1, 2, 'x', 1.0, true, DATE '2024-01-01', TIMESTAMP '2024-01-01', 1.5, TIMESTAMPTZ '2024-01-01 00:00:00+00' WHERE false");

        Assert.Equal(0, file.RecordCount);
        Assert.True(File.Exists(warehouse.LocalPath(file.FilePath)));
        Assert.Empty(file.LowerBounds!);
    }
}
