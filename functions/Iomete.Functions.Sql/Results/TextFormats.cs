using System.Text;
using System.Text.Json;
using Apache.Arrow;
using Iomete.Platform.Http;

namespace Iomete.Functions.Sql.Results;

/// <summary>CSV (RFC 4180, a header line, NULL as an empty field) and JSON lines (one object per row), streamed from the Arrow result.</summary>
internal static class TextFormats
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteCsvAsync(ResultStore results, string key, IReadOnlyList<string> names, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', names.Select(Quote)).AsMemory(), ct);
        await foreach (var batch in results.ReadBatchesAsync(key, ct))
        {
            var line = new StringBuilder();
            for (var row = 0; row < batch.Length; row++)
            {
                line.Clear();
                for (var c = 0; c < batch.ColumnCount; c++)
                {
                    if (c > 0)
                    {
                        line.Append(',');
                    }
                    line.Append(Quote(ArrowValues.Text(batch.Column(c), row)));
                }
                await writer.WriteLineAsync(line, ct);
            }
            await writer.FlushAsync(ct);
        }
    }

    public static async Task WriteJsonLinesAsync(ResultStore results, string key, IReadOnlyList<string> names, Stream output, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await foreach (var batch in results.ReadBatchesAsync(key, ct))
        {
            buffer.SetLength(0);
            await using (var json = new Utf8JsonWriter(buffer))
            {
                for (var row = 0; row < batch.Length; row++)
                {
                    WriteRow(json, batch, names, row);
                    await json.FlushAsync(ct);
                    buffer.WriteByte((byte)'\n');
                    json.Reset();
                }
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(output, ct);
        }
    }

    private static void WriteRow(Utf8JsonWriter json, RecordBatch batch, IReadOnlyList<string> names, int row)
    {
        json.WriteStartObject();
        for (var c = 0; c < batch.ColumnCount; c++)
        {
            json.WritePropertyName(names[c]);
            JsonSerializer.Serialize(json, ArrowValues.Json(batch.Column(c), row), Json.Options);
        }
        json.WriteEndObject();
    }

    private static string Quote(string? value)
    {
        if (value is null)
        {
            return "";
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.Length == 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
