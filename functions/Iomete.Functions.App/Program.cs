using Iomete.Functions.App;
using Iomete.Functions.Catalog;
using Iomete.Functions.Clusters;
using Iomete.Functions.Health;
using Iomete.Functions.Maintenance;
using Iomete.Functions.Push;
using Iomete.Functions.Orchestrator;
using Iomete.Functions.Core;
using Iomete.Functions.EventStreams;
using Iomete.Functions.IcebergRest;
using Iomete.Engine;
using Iomete.Engine.Sessions;
using Iomete.Functions.Sql;
using Iomete.Functions.Identity;
using Iomete.Platform;
using Iomete.Platform.Dapr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<FunctionPipelineMiddleware>();

// The same services as the local host; which functions a Deployment serves is chosen by the chart.
builder.Services.AddIometePlatform();
builder.Services.AddCoreService();
builder.Services.AddIdentityService();
builder.Services.AddIcebergRestService();
builder.Services.AddSqlService();
builder.Services.AddEventStreamsService();
builder.Services.AddClustersService();
// Workflows run in the workflow worker (workflows/Iomete.Workflows.Worker); the functions only start, query and cancel runs.
builder.Services.AddOrchestratorService(runWorkflowWorker: false);
builder.Services.AddCatalogService();
builder.Services.AddMaintenanceService();
builder.Services.AddHealthService();
builder.Services.AddPushService();
// Until Spark compute clusters run SQL (issue 6), the app runs queries on the embedded engine too.
builder.Services.AddEmbeddedSqlEngine();
builder.Services.AddEmbeddedEngineCatalog();
// The app runs only next to a Dapr sidecar (the local host has the in-process stand-ins): pub/sub, state and
// service invocation go through it, at the addresses the sidecar injector sets (defaults when run by hand).
builder.Services.AddDaprAdapters();

await builder.Build().RunAsync();
