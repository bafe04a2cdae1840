namespace Iomete.Engine.Catalogs;

/// <summary>Builds the catalog client for one caller: the client sends the caller's own credentials, so the catalog authorizes them.</summary>
public interface ILakehouseCatalogFactory
{
    /// <param name="credentialHeaders">The caller's credential headers as received (<c>Authorization</c>, <c>X-API-Token</c>, <c>Cookie</c>).</param>
    ILakehouseCatalog ForCaller(IReadOnlyDictionary<string, string> credentialHeaders);
}
