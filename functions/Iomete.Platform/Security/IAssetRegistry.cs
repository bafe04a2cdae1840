namespace Iomete.Platform.Security;

/// <summary>
/// Puts resources into resource bundles. Services call it when they create or delete a
/// resource, so that permissions on the resource come from the bundle that holds it.
/// </summary>
public interface IAssetRegistry
{
    /// <summary>Places a new resource in a bundle of its domain; the caller must be able to use that bundle.</summary>
    Task RegisterAsync(Caller caller, string domainId, string bundleId, AssetType type, string assetId, CancellationToken ct);

    /// <summary>Removes a deleted resource from whatever bundle holds it.</summary>
    Task UnregisterAsync(AssetType type, string assetId, CancellationToken ct);
}
