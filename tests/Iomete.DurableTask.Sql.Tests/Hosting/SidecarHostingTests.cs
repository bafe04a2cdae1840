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

    [Fact]
    public async Task ClientOnlyHost_SchedulesWork_ThatAnotherHostsWorkerRuns()
    {
        var backend = new InMemoryOrchestrationService(NullLoggerFactory.Instance);
        var workerBuilder = Host.CreateApplicationBuilder();
        workerBuilder.Services.AddSingleton<IOrchestrationService>(backend);
        workerBuilder.Services.AddSingleton<IOrchestrationServiceClient>(backend);
        workerBuilder.Services.AddDurableTaskOverSidecar(tasks => tasks
            .AddOrchestratorFunc<int, int>("double", (_, n) => Task.FromResult(n * 2)));
        var apiBuilder = Host.CreateApplicationBuilder();
        apiBuilder.Services.AddSingleton<IOrchestrationService>(backend);
        apiBuilder.Services.AddSingleton<IOrchestrationServiceClient>(backend);
        apiBuilder.Services.Configure<DurableTaskSidecarOptions>(o => o.ApiServerOnly = true);
        apiBuilder.Services.AddDurableTaskClientOverSidecar();
        using var worker = workerBuilder.Build();
        using var api = apiBuilder.Build();
        await worker.StartAsync();
        await api.StartAsync();
        try
        {
            var client = api.Services.GetRequiredService<DurableTaskClient>();
            var id = await client.ScheduleNewOrchestrationInstanceAsync("double", 21);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(42, done.ReadOutputAs<int>());
        }
        finally
        {
            await api.StopAsync();
            await worker.StopAsync();
        }
    }
}
