using System.Collections.Concurrent;
using Iomete.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Iomete.DurableTask.Sql.Tests.Backend;

public abstract partial class DurableContractTests
{
    [ServiceFact]
    public async Task TwoWorkers_CompetingForOneBacklog_RunEveryActivityExactlyOnce()
    {
        var runs = new ConcurrentDictionary<string, int>();
        var byHost = new ConcurrentDictionary<int, int>();
        var settings = Target.NewHub();
        Action<DurableTaskRegistry> Tasks(int host) => tasks => tasks
            .AddOrchestratorFunc<string, string>("steps", async (context, _) =>
            {
                for (var i = 0; i < 3; i++)
                {
                    await context.CallActivityAsync<string>("step", $"{context.InstanceId}/{i}");
                }
                return "done";
            })
            .AddActivityFunc<string, string>("step", (_, key) =>
            {
                runs.AddOrUpdate(key, 1, (_, n) => n + 1);
                byHost.AddOrUpdate(host, 1, (_, n) => n + 1);
                return key;
            });
        await using var first = await DurableHost.StartAsync(settings, Tasks(1));
        await using var second = await DurableHost.StartAsync(settings, Tasks(2));

        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await (i % 2 == 0 ? first : second).Client.ScheduleNewOrchestrationInstanceAsync("steps", "x"));
        }
        foreach (var id in ids)
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await first.WaitAsync(id, 60)).RuntimeStatus);
        }

        Assert.Equal(90, runs.Count);
        Assert.All(runs, run => Assert.Equal(1, run.Value));
        Assert.Equal(90, byHost.Values.Sum());
    }

    [ServiceFact]
    public async Task HostStoppedMidTimer_ANewHostOnTheSameDatabase_FinishesWithoutRerunningTheDoneActivity()
    {
        var runs = new ConcurrentDictionary<string, int>();
        var settings = Target.NewHub();
        void Tasks(DurableTaskRegistry tasks) => tasks
            .AddOrchestratorFunc<string, string>("nap", async (context, _) =>
            {
                var before = await context.CallActivityAsync<string>("mark", "before");
                await context.CreateTimer(TimeSpan.FromSeconds(3), CancellationToken.None);
                var after = await context.CallActivityAsync<string>("mark", "after");
                return before + "+" + after;
            })
            .AddActivityFunc<string, string>("mark", (_, name) =>
            {
                runs.AddOrUpdate(name, 1, (_, n) => n + 1);
                return name;
            });

        string id;
        await using (var first = await DurableHost.StartAsync(settings, Tasks))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("nap", "x");
            await WaitUntilAsync(async () => (await first.Service.GetHistoryAsync(id, null, CancellationToken.None))
                .OfType<global::DurableTask.Core.History.TimerCreatedEvent>().Any());
            await first.StopAsync();
        }
        Assert.Equal(1, runs["before"]);
        Assert.False(runs.ContainsKey("after"));

        await using var second = await DurableHost.StartAsync(settings, Tasks);
        var done = await second.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("before+after", done.ReadOutputAs<string>());
        Assert.Equal(1, runs["before"]);
        Assert.Equal(1, runs["after"]);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition never held.");
            await Task.Delay(50);
        }
    }
}
