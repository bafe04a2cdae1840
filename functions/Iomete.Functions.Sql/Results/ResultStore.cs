using Apache.Arrow;
using Apache.Arrow.Ipc;
using Iomete.Platform.Storage;

namespace Iomete.Functions.Sql.Results;

/// <summary>Query results in object storage: one Arrow IPC stream per query under <c>iomete-assets/sql-results/{id}/</c>.</summary>
public sealed class ResultStore(IObjectStore store)
{
    public const string Prefix = "iomete-assets/sql-results/";
    public const string ContentType = "application/vnd.apache.arrow.stream";

    public static string KeyFor(string queryId) => $"{Prefix}{queryId}/result.arrows";

    public async Task UploadAsync(string key, string localFile, CancellationToken ct)
    {
        await using var content = File.OpenRead(localFile);
        await store.PutAsync(key, content, new PutOptions(ContentType: ContentType), ct);
    }

    public Task<Stream> OpenAsync(string key, CancellationToken ct) => store.OpenReadAsync(key, null, ct);

    /// <summary>Deletes every object of a query's result folder.</summary>
    public async Task DeleteAsync(string queryId, CancellationToken ct)
    {
        string? token = null;
        do
        {
            var page = await store.ListAsync($"{Prefix}{queryId}/", null, token, 1000, ct);
            foreach (var item in page.Objects)
            {
                await store.DeleteAsync(item.Key, ct);
            }
            token = page.NextContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>Rows <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="limit"/> as JSON-ready values.</summary>
    public async Task<IReadOnlyList<object?[]>> ReadPageAsync(string key, long offset, int limit, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        await using var stream = await OpenAsync(key, ct);
        using var reader = new ArrowStreamReader(stream);
        long start = 0;
        while (rows.Count < limit && await reader.ReadNextRecordBatchAsync(ct) is { } batch)
        {
            using (batch)
            {
                var end = start + batch.Length;
                for (var row = Math.Max(offset, start); row < end && rows.Count < limit; row++)
                {
                    var index = (int)(row - start);
                    rows.Add(Enumerable.Range(0, batch.ColumnCount).Select(c => ArrowValues.Json(batch.Column(c), index)).ToArray());
                }
                start = end;
            }
        }
        return rows;
    }

    /// <summary>Every record batch of a stored result, in order; each batch is valid until the next is read.</summary>
    public async IAsyncEnumerable<RecordBatch> ReadBatchesAsync(string key, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = await OpenAsync(key, ct);
        using var reader = new ArrowStreamReader(stream);
        while (await reader.ReadNextRecordBatchAsync(ct) is { } batch)
        {
            using (batch)
            {
                yield return batch;
            }
        }
    }
}
