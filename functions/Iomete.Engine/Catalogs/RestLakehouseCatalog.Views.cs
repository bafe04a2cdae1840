using System.Net;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Views;

namespace Iomete.Engine.Catalogs;

public sealed partial class RestLakehouseCatalog
{
    /// <summary>Replacing retries when the view is dropped or created by someone else between our load and our write.</summary>
    private const int MaxViewAttempts = 3;

    /// <summary>The <c>engine-name</c> of the versions this client writes.</summary>
    public const string EngineName = "iomete-engine";

    public async Task<IReadOnlyList<string>> ListViewsAsync(string catalog, string database, CancellationToken ct) =>
        await ListPagedAsync(CatalogRoutes.Views(catalog, database), CatalogResponses.IdentifierNames, ct);

    public async Task<CatalogView?> LoadViewAsync(TableIdent view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        using var response = await _http.SendAsync(HttpMethod.Get, CatalogRoutes.View(view), null, ct);
        if (!response.IsSuccessStatusCode)
        {
            var error = await CatalogError.ReadAsync(response, ct);
            return error.Is(HttpStatusCode.NotFound, CatalogError.NoSuchView) ? null : throw error.ToException();
        }
        return CatalogResponses.View(view, await CatalogHttp.ReadJsonAsync(response, ct));
    }

    /// <summary>
    /// Creates the view (version 1); with <paramref name="replace"/> an existing view gets a new current version through the
    /// view commit route (<c>assert-view-uuid</c>, <c>add-schema</c>, <c>add-view-version</c>, <c>set-current-view-version</c>,
    /// <c>set-properties</c>), as Java's <c>replaceView</c> does.
    /// </summary>
    public async Task<CatalogView> CreateViewAsync(TableIdent view, NewView definition, bool replace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(definition);
        for (var attempt = 1; ; attempt++)
        {
            var existing = replace ? await LoadViewAsync(view, ct) : null;
            try
            {
                return existing is null
                    ? await CreateNewViewAsync(view, definition, ct)
                    : await ReplaceViewAsync(view, existing, definition, ct);
            }
            catch (CatalogException ex) when (replace && attempt < MaxViewAttempts
                                              && ex is CatalogAlreadyExistsException or CatalogCommitConflictException or CatalogNotFoundException)
            {
                // The view appeared, vanished or was recreated since we looked: look again.
            }
        }
    }

    public async Task DropViewAsync(TableIdent view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        await _http.JsonAsync(HttpMethod.Delete, CatalogRoutes.View(view), null, ct);
    }

    private async Task<CatalogView> CreateNewViewAsync(TableIdent view, NewView definition, CancellationToken ct)
    {
        var version = Version(definition, versionId: 1, schemaId: definition.Schema.SchemaId);
        var body = await _http.JsonAsync(HttpMethod.Post, CatalogRoutes.Views(view.Catalog, view.Database),
            CatalogRequests.CreateView(view.Name, definition, version), ct);
        return CatalogResponses.View(view, body);
    }

    private async Task<CatalogView> ReplaceViewAsync(TableIdent view, CatalogView existing, NewView definition, CancellationToken ct)
    {
        var nextVersionId = existing.Metadata.Versions.Max(v => v.VersionId) + 1;
        IReadOnlyList<TableUpdate> updates =
        [
            new AddSchema(definition.Schema),
            new AddViewVersion(Version(definition, nextVersionId, TableUpdate.LastAdded)),
            new SetCurrentViewVersion(TableUpdate.LastAdded),
            new SetProperties(definition.Properties),
        ];
        var body = await _http.JsonAsync(HttpMethod.Post, CatalogRoutes.View(view),
            CatalogRequests.CommitView([new AssertViewUuid(existing.Metadata.ViewUuid)], updates), ct);
        return CatalogResponses.View(view, body);
    }

    private ViewVersion Version(NewView definition, int versionId, int schemaId) => new(
        versionId,
        _clock.GetUtcNow().ToUnixTimeMilliseconds(),
        schemaId,
        new Dictionary<string, string> { ["engine-name"] = EngineName },
        [new SqlViewRepresentation(definition.Sql, definition.Dialect)],
        definition.DefaultCatalog,
        definition.DefaultDatabase is null ? [] : [definition.DefaultDatabase]);
}
