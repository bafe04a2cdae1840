using Iomete.Platform;
using Iomete.Platform.Data;
using Iomete.Platform.Dapr;
using Iomete.Workflows;

// The workflow worker of a Kubernetes installation: the same orchestrations and activities as the local host, against the
// shared PostgreSQL backend; several replicas compete for work items (KEDA scales them on the backlog). Activities reach the
// platform's services through the Dapr sidecar. Only health routes are served.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddIometePlatform();
builder.Services.AddWorkflows();
builder.Services.AddDaprServiceInvoker();

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "UP" }));
app.MapGet("/readyz", async (IMetadataDb db, CancellationToken ct) =>
{
    await using var connection = await db.OpenAsync(WorkflowsRegistration.Service, ct);
    return Results.Ok(new { status = "UP", engine = db.Engine.ToString() });
});
await app.RunAsync();
