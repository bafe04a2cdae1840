using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Workflows.Maintenance;

/// <summary>
/// The maintenance service (app id <c>maintenance</c>) called by service invocation with the internal app token, as the SQL
/// query runs call the SQL service: the workflows stay free of the engine and the table files.
/// </summary>
public sealed class MaintenanceServiceClient(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public async Task<MaintenanceRunProgress> PostAsync(string path, object? body, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await SendAsync(request, ct);
    }

    public async Task<MaintenanceRunProgress> GetAsync(string path, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, path);
        return await SendAsync(request, ct);
    }

    private async Task<MaintenanceRunProgress> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await invoker.InvokeAsync(MaintenanceRoutes.AppId, request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The maintenance service answered {(int)response.StatusCode}: {text}");
        }
        return JsonSerializer.Deserialize<MaintenanceRunProgress>(text, Web)
            ?? throw new InvalidOperationException("The maintenance service answered an empty body.");
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; maintenance runs cannot execute"));
        return request;
    }
}
