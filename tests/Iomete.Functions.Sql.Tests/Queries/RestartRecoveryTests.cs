using System.Net;
using Dapper;
using Iomete.Functions.Sql.Tests.Support;
using Iomete.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.Sql.Tests.Support.SqlFixture;

namespace Iomete.Functions.Sql.Tests.Queries;

/// <summary>A query a crashed process left RUNNING or SUBMITTED is FAILED after the next start (stand-in engine).</summary>
public sealed class RestartRecoveryTests
{
    [Fact]
    public async Task QueriesLeftRunningBeforeARestart_AreFailedAsInterrupted()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "iomete-sql-restart-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        var settings = new Dictionary<string, string?> { ["Iomete:DataDir"] = dataDir };
        try
        {
            string adminId;
            var fixture = new SqlFixture();
            await using (var first = await fixture.StartAsync(settings))
            {
                using var admin = await first.LoginAsync();
                adminId = (await RunAsync(admin, "SELECT 1")).Str("userId");
                var db = first.Services.GetRequiredService<IMetadataDb>();
                await using var connection = await db.OpenAsync(SqlRegistration.Service, CancellationToken.None);
                foreach (var (id, status) in new[] { ("crashed-running", "RUNNING"), ("crashed-submitted", "SUBMITTED"), ("crashed-cancelling", "CANCELLING") })
                {
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO sql_queries (id, domain, user_id, query_text, compute, status, version, truncated, submitted_ms, started_ms)
                        VALUES (@Id, 'default', @User, 'SELECT 1', 'local', @Status, 1, @False, @Now, @Now)
                        """,
                        new { Id = id, User = adminId, Status = status, False = false, Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
                }
            }

            await using var second = await fixture.StartAsync(settings);
            using var client = await second.LoginAsync();
            var running = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/crashed-running");
            Assert.Equal("FAILED", running.Str("status"));
            Assert.Equal("INTERRUPTED", running.GetProperty("error").Str("code"));
            Assert.Contains("restart", running.GetProperty("error").Str("message"), StringComparison.Ordinal);
            Assert.Equal("FAILED", (await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/crashed-submitted")).Str("status"));
            Assert.Equal("CANCELLED", (await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/crashed-cancelling")).Str("status"));
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A pooled SQLite handle may still hold a file; the OS cleans the temp folder later.
            }
        }
    }
}
