using Iomete.Platform.Messaging;

namespace Iomete.Engine.Catalogs;

/// <summary>Builds a <see cref="RestLakehouseCatalog"/> per caller; each client keeps its own table cache.</summary>
public sealed class RestLakehouseCatalogFactory(IServiceInvoker invoker, TimeProvider clock) : ILakehouseCatalogFactory
{
    public ILakehouseCatalog ForCaller(IReadOnlyDictionary<string, string> credentialHeaders) =>
        new RestLakehouseCatalog(invoker, credentialHeaders, clock);
}
