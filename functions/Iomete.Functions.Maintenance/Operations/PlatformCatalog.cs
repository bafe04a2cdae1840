using Iomete.Engine.Catalogs;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Maintenance.Operations;

/// <summary>
/// The Iceberg REST catalog as the platform itself (the internal app token): detection lists and loads every table of an
/// enabled catalog, and the operations commit their snapshots there, so every change goes through the catalog's
/// compare-and-swap and is published like any other commit.
/// </summary>
public sealed class PlatformCatalog(ILakehouseCatalogFactory factory, IOptions<InternalCallOptions> internalCalls)
{
    private ILakehouseCatalog? catalog;

    public ILakehouseCatalog Catalog => catalog ??= factory.ForCaller(new Dictionary<string, string>
    {
        [InternalCallOptions.Header] = internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; table maintenance cannot read or commit tables"),
    });

    public async Task<CatalogTable> LoadAsync(TableIdent table, CancellationToken ct) =>
        await Catalog.LoadTableAsync(table, ct) ?? throw new MaintenanceAbortedException($"Table {table} does not exist (dropped?)");
}

/// <summary>The run cannot or must not go on; the message is the run's FAILED reason.</summary>
public sealed class MaintenanceAbortedException(string message) : Exception(message);
