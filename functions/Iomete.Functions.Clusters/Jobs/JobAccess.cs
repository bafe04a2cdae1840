using System.Net;
using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>
/// Who may do what with a job: creating needs the domain's CREATE_SPARK_JOB; each action on a job needs its RAS
/// permission (VIEW, UPDATE, DELETE, RUN, SUSPEND) through the bundle that holds it; domain owners and managers pass.
/// </summary>
public sealed class JobAccess(IAccessControl access, SparkJobStore store, IServiceInvoker invoker)
{
    public const string View = "VIEW";
    public const string Update = "UPDATE";
    public const string Delete = "DELETE";
    public const string Run = "RUN";
    public const string Suspend = "SUSPEND";

    private static readonly string[] CredentialHeaders = ["Authorization", "X-API-Token"];

    public async Task RequireDomainAsync(Caller caller, string domain, CancellationToken ct)
    {
        await access.RequireDomainAccessAsync(caller, domain, ct);
    }

    public Task RequireCreateAsync(Caller caller, string domain, CancellationToken ct) =>
        access.RequireDomainPermissionAsync(caller, domain, DomainPermission.CreateSparkJob, ct);

    /// <summary>The job of that id in the domain (404 otherwise), after checking the caller holds <paramref name="permission"/> on it.</summary>
    public async Task<SparkJob> RequireAsync(Caller caller, string domain, string id, string permission, CancellationToken ct)
    {
        await RequireDomainAsync(caller, domain, ct);
        var job = await store.GetAsync(id, ct);
        if (job is null || job.DomainId != domain)
        {
            throw new NotFoundException("Spark job", id);
        }
        await access.RequireAssetPermissionAsync(caller, AssetType.SparkJob, id, permission, ct);
        return job;
    }

    public async Task<bool> AllowsAsync(Caller caller, string jobId, string permission, CancellationToken ct)
    {
        try
        {
            await access.RequireAssetPermissionAsync(caller, AssetType.SparkJob, jobId, permission, ct);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }

    /// <summary>Super admins and domain managers see every job without per-job checks.</summary>
    public static bool SeesEverything(Caller caller) => caller.HasAdminRole(AdminRole.DomainManager, forRead: true);

    /// <summary>
    /// HIGH priority is for domain owners and domain managers. The access port has no owner query; owners pass every
    /// domain permission, so MANAGE_SPARK_SETTINGS stands for "owns or administers the domain's Spark".
    /// </summary>
    public async Task RequireHighPriorityAsync(Caller caller, string domain, CancellationToken ct)
    {
        if (caller.HasAdminRole(AdminRole.DomainManager))
        {
            return;
        }
        try
        {
            await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageSparkSettings, ct);
        }
        catch (ForbiddenException)
        {
            throw new ForbiddenException("Priority HIGH is reserved for domain owners and domain managers.");
        }
    }

    /// <summary>Running as someone else is for domain managers: a run acts with its run-as user's rights.</summary>
    public static string JobUser(Caller caller, string? asked)
    {
        var user = string.IsNullOrWhiteSpace(asked) ? caller.UserId : asked.Trim();
        if (user != caller.UserId && !caller.HasAdminRole(AdminRole.DomainManager))
        {
            throw new ForbiddenException("Only domain managers may set another user or service account as a job's run-as user (jobUser).");
        }
        return user;
    }

    /// <summary>The bundle a job goes to when the request names none: the oldest resource bundle of the domain the caller can use.</summary>
    public async Task<string> DefaultBundleAsync(HttpRequest request, string domain, CancellationToken ct)
    {
        using var call = new HttpRequestMessage(HttpMethod.Get, new Uri(
            $"api/v1/bundles?domain={Uri.EscapeDataString(domain)}&bundleType=RESOURCE&scope=MY&sort=createdAt&limit=1", UriKind.Relative));
        foreach (var header in CredentialHeaders.Where(h => request.Headers.ContainsKey(h)))
        {
            call.Headers.TryAddWithoutValidation(header, request.Headers[header].ToString());
        }
        using var response = await invoker.InvokeAsync("identity", call, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw ValidationException.ForField("bundleId", "is required: the resource bundles of the domain cannot be listed for you.");
        }
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var page = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        var first = page.RootElement.GetProperty("items").EnumerateArray().FirstOrDefault();
        return first.ValueKind == JsonValueKind.Object
            ? first.GetProperty("id").GetString()!
            : throw ValidationException.ForField("bundleId", $"is required: you hold no resource bundle in domain '{domain}'.");
    }
}
