using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>
/// The core/v1 Secrets of the stand-in (secret stores, image-pull secrets, Jupyter tokens), as the workload routes
/// store them: this part only adds what the secret tests look at and a switch to refuse writes.
/// </summary>
internal sealed partial class FakeKubeApiServer
{
    /// <summary>The Secrets on the stand-in, by (namespace, name).</summary>
    public IReadOnlyDictionary<(string Ns, string Name), JsonObject> Secrets =>
        workloads.Where(w => w.Key.Kind == "Secret").ToDictionary(w => (w.Key.Ns, w.Key.Name), w => w.Value);

    /// <summary>Every Secret write (POST/PUT) as "METHOD ns/name", in order.</summary>
    public ConcurrentQueue<string> SecretWrites { get; } = new();

    /// <summary>Schema violations of written Secret bodies (empty when every body was valid).</summary>
    public ConcurrentQueue<string> SecretErrors { get; } = new();

    /// <summary>When set, every Secret write answers this status (to play an API server that refuses).</summary>
    public int? FailSecretWrites { get; set; }

    /// <summary>Notes a Secret write; a refusal when <see cref="FailSecretWrites"/> is set.</summary>
    private IResult? NoteSecretWrite(string method, string ns, JsonObject body, IReadOnlyCollection<string> schemaErrors)
    {
        var name = body["metadata"]?["name"]?.GetValue<string>();
        SecretWrites.Enqueue($"{method} {ns}/{name}");
        foreach (var error in schemaErrors)
            SecretErrors.Enqueue($"{ns}/{name}: {error}");
        return FailSecretWrites is { } status
            ? Results.Text(Status("Failure", status, "InternalError", "refused by the test"), "application/json", statusCode: status)
            : null;
    }
}
