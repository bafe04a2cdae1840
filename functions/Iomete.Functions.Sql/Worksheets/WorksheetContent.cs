using System.Security.Cryptography;
using System.Text;
using Iomete.Platform.Storage;

namespace Iomete.Functions.Sql.Worksheets;

/// <summary>The SQL text of worksheets, one object per worksheet under <c>iomete-assets/sql-editor/worksheets/</c>.</summary>
public sealed class WorksheetContent(IObjectStore store)
{
    public const string Prefix = "iomete-assets/sql-editor/worksheets/";

    public static string KeyOf(string worksheetId) => Prefix + worksheetId + ".sql";

    public static string Sha256(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public async Task WriteAsync(string worksheetId, string content, CancellationToken ct)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(content));
        await store.PutAsync(KeyOf(worksheetId), body, new PutOptions(ContentType: "application/sql"), ct);
    }

    public async Task<string> ReadAsync(string worksheetId, CancellationToken ct)
    {
        try
        {
            await using var stream = await store.OpenReadAsync(KeyOf(worksheetId), null, ct);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(ct);
        }
        catch (ObjectNotFoundException)
        {
            return "";
        }
    }
}
