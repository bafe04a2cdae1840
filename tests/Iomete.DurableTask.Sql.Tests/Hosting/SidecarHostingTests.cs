using DurableTask.Core;
using Iomete.DurableTask.Sql.Hosting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iomete.DurableTask.Sql.Tests.Hosting;

public sealed class SidecarHostingTests
{
    [Fact]
    public async Task Orchestration_RunsThroughTheSidecar_WithTheInMemoryBackend()
    {
        var builder = Host.CreateApplicationBuilder();
        var backend = new InMemoryOrchestrationService(NullLoggerFactory.Instance);
        builder.Services.AddSingleton<IOrchestrationService>(backend);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(backend);
        builder.Services.AddDurableTaskOverSidecar(tasks => tasks
            .AddOrchestratorFunc<string, string>("greet", async (context, name) =>
                await context.CallActivityAsync<string>("shout", name) + "!")
            .AddActivityFunc<string, string>("shout", (_, name) => name.ToUpperInvariant()));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            var id = await client.ScheduleNewOrchestrationInstanceAsync("greet", "lake");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal("LAKE!", done.ReadOutputAs<string>());
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
