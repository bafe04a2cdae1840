using System.Data.Common;
using Dapper;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.IcebergRest.Idempotency;

/// <summary>
/// The spec's <c>Idempotency-Key</c>: the first request with a key reserves it in the metadata DB; its
/// final 2xx or 4xx response is kept and replayed to every retry with that key until the lifetime ends.
/// A duplicate that arrives while the first is running waits for it. 5xx and crashes release the key.
/// </summary>
public sealed class IdempotencyKeys(IMetadataDb db, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 128;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IActionResult>> action, CancellationToken ct)
    {
        var key = request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return await action();
        }
        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            throw IcebergErrors.BadRequestError($"Invalid {Header}: at most {MaxKeyLength} printable characters.");
        }
        var operation = request.Method + " " + request.Path;
        var replay = await ReserveOrWaitAsync(key, operation, ct);
        if (replay is not null)
        {
            return replay.Replay();
        }
        IActionResult result;
        try
        {
            result = await action();
        }
        catch (ApiException error) when (error.Status is >= 400 and < 500)
        {
            await FinishAsync(key, StoredResponse.FromError(error));
            throw;
        }
        catch
        {
            await ReleaseAsync(key);
            throw;
        }
        var stored = StoredResponse.From(result);
        if (stored is null || stored.Status >= 500)
        {
            await ReleaseAsync(key);
        }
        else
        {
            await FinishAsync(key, stored);
        }
        return result;
    }

    /// <summary>Null when this request now owns the key; otherwise the first request's final response.</summary>
    private async Task<StoredResponse?> ReserveOrWaitAsync(string key, string operation, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + options.Value.WaitForFirst;
        while (true)
        {
            await using var connection = await OpenAsync(ct);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                """
                SELECT operation AS Operation, state AS State, created_ms AS CreatedMs, status AS Status, content_type AS ContentType, etag AS ETag, body AS Body, expires_ms AS ExpiresMs
                FROM idempotency_keys WHERE idempotency_key = @Key
                """, new { Key = key }, cancellationToken: ct));
            var abandonedBefore = now - (long)(2 * options.Value.WaitForFirst.TotalMilliseconds);
            if (row is not null && (row.ExpiresMs < now || (row.State == "pending" && row.CreatedMs < abandonedBefore)))
            {
                // Expired, or reserved by a process that died before it finished: the key is free again.
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM idempotency_keys WHERE idempotency_key = @Key AND created_ms = @CreatedMs",
                    new { Key = key, row.CreatedMs }, cancellationToken: ct));
                row = null;
            }
            if (row is null)
            {
                if (await TryInsertAsync(connection, key, operation, now, ct))
                {
                    return null;
                }
                continue;
            }
            if (row.Operation != operation)
            {
                throw IcebergErrors.Unprocessable($"{Header} '{key}' was already used for another request ({row.Operation}).");
            }
            if (row.State == "done")
            {
                return new StoredResponse(row.Status ?? 200, row.ContentType ?? "", row.ETag, row.Body);
            }
            if (clock.GetUtcNow() > deadline)
            {
                throw new ApiException(503, IcebergErrors.ServiceUnavailable, "Service unavailable",
                    $"The first request with {Header} '{key}' is still running; retry later.") { RetryAfterSeconds = 1 };
            }
            await Task.Delay(Poll, clock, ct);
        }
    }

    private async Task<bool> TryInsertAsync(DbConnection connection, string key, string operation, long now, CancellationToken ct)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO idempotency_keys (idempotency_key, operation, state, created_ms, expires_ms)
                VALUES (@Key, @Operation, 'pending', @Now, @Expires)
                """,
                new { Key = key, Operation = operation, Now = now, Expires = now + (long)options.Value.Lifetime.TotalMilliseconds },
                cancellationToken: ct));
            if (Random.Shared.Next(64) == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM idempotency_keys WHERE expires_ms < @Now", new { Now = now }, cancellationToken: ct));
            }
            return true;
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    private async Task FinishAsync(string key, StoredResponse response)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE idempotency_keys SET state = 'done', status = @Status, content_type = @ContentType, etag = @ETag, body = @Body
            WHERE idempotency_key = @Key
            """, new { Key = key, response.Status, response.ContentType, response.ETag, response.Body }));
    }

    private async Task ReleaseAsync(string key)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE idempotency_key = @Key AND state = 'pending'", new { Key = key }));
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(IcebergRestRegistration.Service, ct);

    private sealed class Row
    {
        public string Operation { get; set; } = "";
        public string State { get; set; } = "";
        public int? Status { get; set; }
        public string? ContentType { get; set; }
        public string? ETag { get; set; }
        public string? Body { get; set; }
        public long CreatedMs { get; set; }
        public long ExpiresMs { get; set; }
    }
}
