using System.Net.Http.Json;
using System.Text.Json;

namespace Iomete.Bench;

/// <summary>The SQL editor's calls: submit with wait (polling past the 60 s cap), then the first result page or a download.</summary>
internal sealed class SqlServiceClient(HttpClient client, string catalog, string? database)
{
    private const string Queries = "/api/v1/domains/default/sql/queries";

    /// <summary>Runs a statement to completion; returns the query id. Throws when it does not complete.</summary>
    public async Task<string> RunAsync(string sql, int? limit = null, CancellationToken ct = default)
    {
        using var response = await client.PostAsJsonAsync($"{Queries}?wait=60",
            new { query = sql, computeCluster = "local", catalog, database, limit }, ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var id = body.RootElement.GetProperty("id").GetString()!;
        var status = body.RootElement.GetProperty("status").GetString();
        while (status is "SUBMITTED" or "RUNNING")
        {
            await Task.Delay(100, ct);
            using var poll = JsonDocument.Parse(await client.GetStringAsync($"{Queries}/{id}", ct));
            status = poll.RootElement.GetProperty("status").GetString();
        }
        if (status != "COMPLETED")
        {
            using var failed = JsonDocument.Parse(await client.GetStringAsync($"{Queries}/{id}", ct));
            throw new InvalidOperationException($"{sql[..Math.Min(80, sql.Length)]}… ended {status}: {failed.RootElement.GetRawText()}");
        }
        return id;
    }

    /// <summary>The first page of a result (what the editor shows); returns the row count of the page.</summary>
    public async Task<int> FirstPageAsync(string id, int limit, CancellationToken ct = default)
    {
        using var page = JsonDocument.Parse(await client.GetStringAsync($"{Queries}/{id}/results?limit={limit}", ct));
        return page.RootElement.GetProperty("rows").GetArrayLength();
    }

    /// <summary>The first page of a result as typed values.</summary>
    public async Task<Iomete.Testing.Tpch.ResultSet> PageAsync(string id, int limit, CancellationToken ct = default)
    {
        using var page = JsonDocument.Parse(await client.GetStringAsync($"{Queries}/{id}/results?limit={limit}", ct));
        return Iomete.Testing.Tpch.ResultSet.FromResultsPage(page.RootElement);
    }

    /// <summary>Streams a download to nowhere; returns its bytes.</summary>
    public async Task<long> DownloadAsync(string id, string format, CancellationToken ct = default)
    {
        using var response = await client.GetAsync($"{Queries}/{id}/results/download?format={format}", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
        }
        return total;
    }
}
