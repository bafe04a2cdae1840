using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.EventStreams.Streams;

/// <summary>
/// Who may do what with a stream: the caller must be in the stream's domain, and each action needs its RAS permission
/// (VIEW, UPDATE, DELETE, EXECUTE) through the bundle that holds the stream; domain owners and managers pass.
/// </summary>
public sealed class StreamAccess(IAccessControl access, EventStreamStore store)
{
    public const string View = "VIEW";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";
    public const string Execute = "EXECUTE";

    public async Task RequireDomainAsync(Caller caller, string domain, CancellationToken ct)
    {
        await access.RequireDomainAccessAsync(caller, domain, ct);
    }

    /// <summary>The stream of that id in the domain (404 otherwise), after checking the caller holds <paramref name="permission"/> on it.</summary>
    public async Task<EventStream> RequireAsync(Caller caller, string domain, string id, string permission, CancellationToken ct)
    {
        await RequireDomainAsync(caller, domain, ct);
        var stream = await store.GetAsync(id, ct);
        if (stream is null || stream.DomainId != domain)
        {
            throw new NotFoundException("Event stream", id);
        }
        await access.RequireAssetPermissionAsync(caller, AssetType.EventStream, id, permission, ct);
        return stream;
    }

    public async Task<bool> AllowsAsync(Caller caller, string streamId, string permission, CancellationToken ct)
    {
        try
        {
            await access.RequireAssetPermissionAsync(caller, AssetType.EventStream, streamId, permission, ct);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }

    /// <summary>Super admins and domain managers see every stream without per-stream checks.</summary>
    public static bool SeesEverything(Caller caller) => caller.HasAdminRole(AdminRole.DomainManager);
}
