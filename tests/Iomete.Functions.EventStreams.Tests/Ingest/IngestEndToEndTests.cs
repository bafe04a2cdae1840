using System.Net;
using System.Text;
using System.Text.Json;
using Iomete.Functions.EventStreams.Tests.Streams;

namespace Iomete.Functions.EventStreams.Tests.Ingest;

/// <summary>Events through IOMETE's ingest endpoint into Iceberg tables, read back with SQL, on the real local platform.</summary>
public sealed class IngestEndToEndTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
    }

    [Fact]
    public async Task JsonArray_WithBareAuthorizationToken_LandsInTheTable_WithSystemColumns()
    {
        var stream = await fixture.ActiveStreamAsync();
        var table = await fixture.NewTableAsync();
        using var response = await fixture.IngestAsync(stream, table,
            """[{"id":1,"name":"a","amount":"12.5","at":"2026-01-02T03:04:05Z","extra":true},{"id":2,"name":{"nested":[1,2]},"amount":3}]""");
        await ExpectAsync(response, HttpStatusCode.OK);
        var body = await JsonAsync(response);
        Assert.Equal(2, body.GetProperty("events").GetInt32());
        Assert.False(body.GetProperty("replayed").GetBoolean());
        Assert.Equal(2, await fixture.WaitForCountAsync(table, c => c >= 2));
        var rows = await fixture.RowsAsync($"SELECT id, name, CAST(amount AS VARCHAR), CAST(\"at\" AS VARCHAR), length(__id__), __ts__ IS NOT NULL, __write_id__ FROM {table} ORDER BY id");
        Assert.Equal("a", rows[0][1].GetString());
        Assert.Equal("12.50", rows[0][2].GetString());
        Assert.StartsWith("2026-01-02 03:04:05", rows[0][3].GetString(), StringComparison.Ordinal);
        Assert.Equal("""{"nested":[1,2]}""", rows[1][1].GetString());
        Assert.Equal(36, rows[0][4].GetInt32());
        Assert.True(rows[0][5].GetBoolean());
        Assert.StartsWith(stream.Str("id"), rows[0][6].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GzippedNdjson_AndASingleObject_AreAccepted()
    {
        var stream = await fixture.ActiveStreamAsync();
        var table = await fixture.NewTableAsync();
        var lines = string.Join("\n", Enumerable.Range(1, 500).Select(i => $"{{\"id\":{i},\"name\":\"n{i}\"}}"));
        using (var ndjson = await fixture.IngestAsync(stream, table, lines, contentType: "application/x-ndjson", gzip: true))
        {
            await ExpectAsync(ndjson, HttpStatusCode.OK);
            Assert.Equal(500, (await JsonAsync(ndjson)).GetProperty("events").GetInt32());
        }
        // curl -d without a Content-Type sends application/x-www-form-urlencoded; the body is still read as JSON.
        using (var single = await fixture.IngestAsync(stream, table, """{"id":501}""", token: "Bearer " + fixture.AdminToken, contentType: "application/x-www-form-urlencoded"))
        {
            await ExpectAsync(single, HttpStatusCode.OK);
        }
        Assert.Equal(501, await fixture.WaitForCountAsync(table, c => c >= 501));
        var sums = await fixture.RowsAsync($"SELECT sum(id), count(DISTINCT __id__) FROM {table}");
        Assert.Equal(501L * 502 / 2, long.Parse(sums[0][0].ToString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(501, sums[0][1].GetInt64());
    }

    [Fact]
    public async Task IdempotencyKey_ReplaysTheFirstAnswer_AndWritesOnce_AndRefusesAnotherBody()
    {
        var stream = await fixture.ActiveStreamAsync();
        var table = await fixture.NewTableAsync();
        const string body = """[{"id":1},{"id":2},{"id":3}]""";
        using var first = await fixture.IngestAsync(stream, table, body, key: "batch-1");
        await ExpectAsync(first, HttpStatusCode.OK);
        using var again = await fixture.IngestAsync(stream, table, body, key: "batch-1");
        await ExpectAsync(again, HttpStatusCode.OK);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await JsonAsync(first)).Str("requestId"), (await JsonAsync(again)).Str("requestId"));
        using var other = await fixture.IngestAsync(stream, table, """[{"id":9}]""", key: "batch-1");
        await ExpectAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        await fixture.WaitForCountAsync(table, c => c >= 3);
        await Task.Delay(1000);
        Assert.Equal(3, await fixture.CountAsync(table));
    }

    [Fact]
    public async Task BadRows_AreReportedPerRowAndColumn_AndNothingIsWritten()
    {
        var stream = await fixture.ActiveStreamAsync();
        var table = await fixture.NewTableAsync();
        using var response = await fixture.IngestAsync(stream, table, """[{"id":1},{"id":"one"},{"id":3,"amount":"1.234"}]""");
        await ExpectAsync(response, HttpStatusCode.BadRequest);
        var problem = await JsonAsync(response);
        Assert.Equal("VALIDATION_ERROR", problem.Str("errorCode"));
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rows[1].id", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("rows[2].amount", out _), errors.GetRawText());
        await Task.Delay(800);
        Assert.Equal(0, await fixture.CountAsync(table));
    }

    [Fact]
    public async Task DeadLetterPolicy_LandsGoodRows_AndBadRowsInTheDeadLetterTable()
    {
        var stream = await fixture.ActiveStreamAsync(new { commitIntervalMs = 300, invalidRows = "DEAD_LETTER" });
        var table = await fixture.NewTableAsync();
        using var response = await fixture.IngestAsync(stream, table, """[{"id":1},{"id":"one","name":"x"},{"id":3}]""");
        await ExpectAsync(response, HttpStatusCode.OK);
        var body = await JsonAsync(response);
        Assert.Equal(2, body.GetProperty("events").GetInt32());
        Assert.Equal(1, body.GetProperty("deadLettered").GetInt32());
        Assert.Equal(1, body.GetProperty("errors")[0].GetProperty("row").GetInt32());
        Assert.Equal(2, await fixture.WaitForCountAsync(table, c => c >= 2));
        var deadLetter = table + "_dead_letter";
        Assert.Equal(1, await fixture.WaitForCountAsync(deadLetter, c => c >= 1));
        var rows = await fixture.RowsAsync($"SELECT row_index, payload, error_column, error FROM {deadLetter}");
        Assert.Equal(1, rows[0][0].GetInt32());
        Assert.Equal("""{"id":"one","name":"x"}""", rows[0][1].GetString());
        Assert.Equal("id", rows[0][2].GetString());
    }

    [Fact]
    public async Task Refusals_AreProblemJson_WithIometesStatusCodes()
    {
        var stream = await fixture.ActiveStreamAsync(new { commitIntervalMs = 300, maxRequestBytes = 2048 });
        var table = await fixture.NewTableAsync();
        using (var noTable = await fixture.IngestAsync(stream, "", "[]"))
        {
            await ExpectAsync(noTable, HttpStatusCode.BadRequest);
        }
        using (var badTable = await fixture.IngestAsync(stream, "only.two", "[]"))
        {
            await ExpectAsync(badTable, HttpStatusCode.BadRequest);
        }
        using (var missing = await fixture.IngestAsync(stream, $"{IngestFixture.Catalog}.{IngestFixture.Database}.nope", "[]"))
        {
            await ExpectAsync(missing, HttpStatusCode.NotFound);
        }
        using (var malformed = await fixture.IngestAsync(stream, table, "[{\"id\":1"))
        {
            await ExpectAsync(malformed, HttpStatusCode.BadRequest);
        }
        using (var big = await fixture.IngestAsync(stream, table, "[" + string.Join(",", Enumerable.Range(0, 400).Select(i => $"{{\"id\":{i}}}")) + "]"))
        {
            await ExpectAsync(big, HttpStatusCode.RequestEntityTooLarge);
        }
        using (var xml = await fixture.IngestAsync(stream, table, "<a/>", contentType: "application/xml"))
        {
            await ExpectAsync(xml, HttpStatusCode.UnsupportedMediaType);
        }
        using (var viaHeader = fixture.Platform.WithApiToken(fixture.AdminToken))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, IngestFixture.IngestUrl(stream))
            {
                Content = new StringContent("[{\"id\":7}]", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("table", table);
            using var accepted = await viaHeader.SendAsync(request);
            await ExpectAsync(accepted, HttpStatusCode.OK);
        }
        using (var anonymous = await fixture.IngestAsync(stream, table, "[]", token: "iom_not_a_token"))
        {
            await ExpectAsync(anonymous, HttpStatusCode.Unauthorized);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }
        using var client = fixture.Platform.Anonymous();
        var (status, _, unknown) = await client.SendRawAsync(HttpMethod.Post, $"/data-plane/{stream.Str("namespace")}/event-stream/nope/ingest", "[]");
        unknown.Dispose();
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Callers_WithoutConsumeOnTheStream_OrInsertOnTheTable_Get403()
    {
        var stream = await fixture.ActiveStreamAsync();
        var table = await fixture.NewTableAsync();
        var (userId, user) = await fixture.UserAsync("ingester", "VIEW_DATA_CATALOG");
        var token = user.DefaultRequestHeaders.Authorization!.Parameter!;
        using (var noConsume = await fixture.IngestAsync(stream, table, """[{"id":1}]""", token: token))
        {
            await ExpectAsync(noConsume, HttpStatusCode.Forbidden);
        }
        await fixture.GrantAsync(fixture.BundleId, userId, "CONSUME");
        using (var noInsert = await fixture.IngestAsync(stream, table, """[{"id":1}]""", token: token))
        {
            await ExpectAsync(noInsert, HttpStatusCode.Forbidden);
            Assert.Contains("INSERT", await noInsert.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/identity/users/{userId}/roles", new { roles = new[] { "SPARK_CATALOG_MANAGER" } });
        using var granted = await fixture.IngestAsync(stream, table, """[{"id":1}]""", token: await fixture.Platform.AccessTokenAsync(
            (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/identity/users/{userId}")).Str("username"), StreamsFixture.UserPassword));
        await ExpectAsync(granted, HttpStatusCode.OK);
    }

    [Fact]
    public async Task TerminatedStream_CommitsWhatItAcknowledged_AndThenAnswers503()
    {
        var stream = await fixture.ActiveStreamAsync(new { commitIntervalMs = 600_000 });
        var table = await fixture.NewTableAsync();
        using (var accepted = await fixture.IngestAsync(stream, table, """[{"id":1},{"id":2}]"""))
        {
            await ExpectAsync(accepted, HttpStatusCode.OK);
        }
        Assert.Equal(0, await fixture.CountAsync(table));
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{StreamsFixture.Root}/{stream.Str("id")}/terminate");
        Assert.Equal(2, await fixture.CountAsync(table));
        using var refused = await fixture.IngestAsync(stream, table, """[{"id":3}]""");
        await ExpectAsync(refused, HttpStatusCode.ServiceUnavailable);
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{StreamsFixture.Root}/{stream.Str("id")}/start");
        await fixture.WaitForStatusAsync(stream.Str("id"), "ACTIVE");
        using var again = await fixture.IngestAsync(stream, table, """[{"id":3}]""");
        await ExpectAsync(again, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Metrics_CountEventsCommitsAndCompactions()
    {
        var stream = await fixture.ActiveStreamAsync(new { commitIntervalMs = 200, compactionThreshold = 3 });
        var table = await fixture.NewTableAsync();
        for (var i = 0; i < 5; i++)
        {
            using var response = await fixture.IngestAsync(stream, table, $"[{{\"id\":{i}}}]");
            await ExpectAsync(response, HttpStatusCode.OK);
            await fixture.WaitForCountAsync(table, c => c >= i + 1);
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement metrics;
        do
        {
            await Task.Delay(200);
            metrics = (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{StreamsFixture.Root}/{stream.Str("id")}/metrics")).GetProperty("metrics");
        }
        while (metrics.GetProperty("compactionsTotal").GetInt64() < 1 && DateTime.UtcNow < deadline);
        Assert.Equal(5, metrics.GetProperty("eventsTotal").GetInt64());
        Assert.True(metrics.GetProperty("commitsTotal").GetInt64() >= 5);
        Assert.True(metrics.GetProperty("compactionsTotal").GetInt64() >= 1, metrics.GetRawText());
        Assert.Equal(5, await fixture.CountAsync(table));
        var files = await fixture.RowsAsync($"SELECT count(DISTINCT __write_id__) FROM {table}");
        Assert.Equal(5, files[0][0].GetInt64());
    }
}

/// <summary>An independent Iceberg reader (npm icebird) reads what a stream ingested.</summary>
public sealed class IngestInteropTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    [Fact]
    public async Task Icebird_ReadsTheIngestedTable_WithTheSameRows()
    {
        if (Iomete.Testing.NodeTools.MissingReason() is { } missing)
        {
            Assert.False(Iomete.Testing.Requires.InCi, missing);
            return;
        }
        var stream = await fixture.ActiveStreamAsync();
        var table = await fixture.NewTableAsync("id BIGINT, name VARCHAR");
        for (var batch = 0; batch < 3; batch++)
        {
            var body = string.Join("\n", Enumerable.Range(batch * 100, 100).Select(i => $"{{\"id\":{i},\"name\":\"n{i}\"}}"));
            using var response = await fixture.IngestAsync(stream, table, body, contentType: "application/x-ndjson");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(300, await fixture.WaitForCountAsync(table, c => c >= 300));
        var name = table.Split('.')[2];
        var loaded = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
            $"/catalogs/{IngestFixture.Catalog}/v1/{IngestFixture.Catalog}/namespaces/{IngestFixture.Database}/tables/{name}");
        var metadata = loaded.GetProperty("metadata-location").GetString()!;
        var output = await Iomete.Testing.NodeTools.RunScriptAsync("icebird-read.mjs", [metadata], TimeSpan.FromSeconds(60));
        var rows = JsonDocument.Parse(output.Split('\n').Last(l => l.StartsWith('{'))).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(300, rows.Count);
        var byId = rows.ToDictionary(r => long.Parse(r.GetProperty("id").ToString(), System.Globalization.CultureInfo.InvariantCulture), r => r);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), byId.Keys.Order());
        Assert.Equal("n42", byId[42].GetProperty("name").GetString());
        Assert.Equal(36, byId[42].GetProperty("__id__").GetString()!.Length);
        Assert.StartsWith(stream.Str("id"), byId[42].GetProperty("__write_id__").GetString(), StringComparison.Ordinal);
    }
}
