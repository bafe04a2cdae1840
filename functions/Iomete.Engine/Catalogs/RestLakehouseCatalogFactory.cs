using Iomete.DataSecurity.Decisions;
using Iomete.Platform.Messaging;

namespace Iomete.Engine.Catalogs;

/// <summary>Builds a <see cref="RestLakehouseCatalog"/> per caller; each client keeps its own table cache.</summary>
/// <remarks>
/// The engine applies the row filters and masks the catalog hands it, so it identifies itself as a trusted engine
/// (<see cref="TrustedEngine.Header"/>) when a secret is given.
/// </remarks>
public sealed class RestLakehouseCatalogFactory(IServiceInvoker invoker, TimeProvider clock, TrustedEngine? trusted = null) : ILakehouseCatalogFactory
{
    public ILakehouseCatalog ForCaller(IReadOnlyDictionary<string, string> credentialHeaders) =>
        new RestLakehouseCatalog(invoker, WithTrust(credentialHeaders), clock);

    private IReadOnlyDictionary<string, string> WithTrust(IReadOnlyDictionary<string, string> headers)
    {
        if (trusted is null)
        {
            return headers;
        }
        var all = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase) { [TrustedEngine.Header] = trusted.Secret };
        return all;
    }
}
