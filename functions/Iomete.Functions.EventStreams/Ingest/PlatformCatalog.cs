using Iomete.Engine.Catalogs;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.EventStreams.Ingest;

/// <summary>
/// The Iceberg catalog as the platform itself (the internal app token): commits of acknowledged events are made for
/// the stream, after each request's caller was authorized for INSERT.
/// </summary>
internal sealed class PlatformCatalog(ILakehouseCatalogFactory factory, IOptions<InternalCallOptions> internalCalls)
{
    private ILakehouseCatalog? catalog;

    public ILakehouseCatalog Catalog => catalog ??= factory.ForCaller(new Dictionary<string, string>
    {
        [InternalCallOptions.Header] = internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; event streams cannot commit"),
    });
}
