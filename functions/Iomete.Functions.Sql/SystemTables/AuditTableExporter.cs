using System.Globalization;
using System.Text.Json;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Sql.SystemTables;

/// <summary>
/// Copies data-access audit records from the Identity service (its audit API, as the platform) into the system table
/// <see cref="AuditTable.Qualified"/> every <see cref="SqlOptions.AuditExportInterval"/>. The table is its own watermark:
/// each round copies records newer than its latest <c>event_time</c> and older than <see cref="SqlOptions.AuditExportLag"/>.
/// </summary>
internal sealed partial class AuditTableExporter(
    IServiceProvider services, IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls, IOptions<SqlOptions> options,
    TimeProvider clock, ILogger<AuditTableExporter> logger) : BackgroundService
{
    private const string IdentityAppId = "identity";
    private const int PageSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.AuditExportInterval;
        if (interval <= TimeSpan.Zero || internalCalls.Value.AppApiToken is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var copied = await ExportOnceAsync(stoppingToken);
                if (copied > 0)
                {
                    LogCopied(logger, copied);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    /// <summary>One round: returns how many records were copied.</summary>
    public async Task<int> ExportOnceAsync(CancellationToken ct)
    {
        var engine = services.GetService<ISqlEngine>();
        var catalogs = services.GetService<ILakehouseCatalogFactory>();
        if (engine is null || catalogs is null)
        {
            return 0;
        }
        var headers = new Dictionary<string, string> { [InternalCallOptions.Header] = internalCalls.Value.AppApiToken! };
        await using var session = await engine.OpenSessionAsync(new SqlSessionOptions(catalogs.ForCaller(headers), AuditTable.Catalog, null), ct);
        await RunAsync(session, $"CREATE DATABASE IF NOT EXISTS {AuditTable.Catalog}.{AuditTable.Database}", ct);
        await RunAsync(session, AuditTable.CreateStatement, ct);
        var from = await WatermarkAsync(session, ct);
        var to = clock.GetUtcNow() - options.Value.AuditExportLag;
        var copied = 0;
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await PageAsync(from, to, offset, ct);
            if (page.Count > 0)
            {
                await RunAsync(session, AuditTable.Insert(page), ct);
                copied += page.Count;
            }
            if (page.Count < PageSize)
            {
                return copied;
            }
        }
    }

    private static async Task<DateTimeOffset?> WatermarkAsync(ISqlSession session, CancellationToken ct)
    {
        DateTimeOffset? latest = null;
        await session.ExecuteAsync($"SELECT max(event_time) FROM {AuditTable.Qualified}", async (reader, token) =>
        {
            if (await reader.ReadAsync(token) && !reader.IsDBNull(0))
            {
                latest = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc));
            }
        }, ct);
        return latest;
    }

    private async Task<List<JsonElement>> PageAsync(DateTimeOffset? after, DateTimeOffset before, int offset, CancellationToken ct)
    {
        var query = $"/api/v1/admin/data-security/audit?sort=eventTime&limit={PageSize}&offset={offset}&to={Uri.EscapeDataString(before.ToString("O", CultureInfo.InvariantCulture))}";
        if (after is { } from)
        {
            // The watermark's own records are in the table already; the API's 'from' is inclusive.
            query += "&from=" + Uri.EscapeDataString(from.AddTicks(10).ToString("O", CultureInfo.InvariantCulture));
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, query);
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken);
        using var response = await invoker.InvokeAsync(IdentityAppId, request, ct);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        return body.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static Task RunAsync(ISqlSession session, string sql, CancellationToken ct) =>
        session.ExecuteAsync(sql, static (_, _) => Task.CompletedTask, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Copied {Count} data-access audit records into the system table")]
    private static partial void LogCopied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copying data-access audit records into the system table failed; the next round retries")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
