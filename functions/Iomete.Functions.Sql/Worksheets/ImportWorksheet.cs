using System.Text;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class ImportWorksheet(ICallerAccessor callers, WorkspaceAccess access, WorksheetCreator creator)
{
    private const int MaxBytes = 1024 * 1024;

    [Function("sql-worksheets-import")]
    [OpenApiOperation("SQL worksheets", "Import a .sql file as a new worksheet",
        Description = "The body is either multipart/form-data with one .sql file, or the SQL text itself (then 'name' is required). " +
                      "The name defaults to the file name without '.sql'. At most 1 MiB.")]
    [OpenApiQuery("workspaceId", "my, shared or a custom workspace's id", Required = true)]
    [OpenApiQuery("folderId", "The folder to import into")]
    [OpenApiQuery("name", "The worksheet's name")]
    [OpenApiResponse(201, typeof(WorksheetView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(413)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/sql/worksheets/import")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // Authorized before the body is read: a caller outside the domain learns nothing from validation messages.
        await access.RequireDomainAsync(caller, domain, ct);
        var workspaceId = request.Query["workspaceId"].ToString();
        if (workspaceId.Length == 0)
        {
            throw ValidationException.ForField("workspaceId", "is required");
        }
        var (fileName, text) = await ReadAsync(request, ct);
        var name = NameRules.Validate(request.Query["name"].ToString() is { Length: > 0 } n ? n : fileName);
        var folderId = request.Query["folderId"].ToString() is { Length: > 0 } f ? f : null;
        var scope = await access.ResolveAsync(caller, domain, workspaceId, ct);
        var created = await creator.CreateAsync(caller, scope, new WorksheetCreator.Spec(name, folderId, text, null, null, null, null), ct);
        var view = created.View();
        return ApiResults.Created(view, $"/api/v1/domains/{domain}/sql/worksheets/{view.Id}");
    }

    private static async Task<(string? FileName, string Text)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new PayloadTooLargeException(MaxBytes);
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.Count == 1 ? form.Files[0] : throw ValidationException.ForField("file", "send exactly one .sql file");
            if (!file.FileName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            {
                throw ValidationException.ForField("file", "must be a .sql file");
            }
            if (file.Length > MaxBytes)
            {
                throw new PayloadTooLargeException(MaxBytes);
            }
            await using var stream = file.OpenReadStream();
            return (Path.GetFileNameWithoutExtension(file.FileName), await ReadTextAsync(stream, ct));
        }
        return (null, await ReadTextAsync(request.Body, ct));
    }

    private static async Task<string> ReadTextAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new PayloadTooLargeException(MaxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw ValidationException.ForField("file", "must be UTF-8 text");
        }
    }
}
