using Iomete.Workflows.Jobs;
using Iomete.Workflows.Queues;
using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Tests.Queues;

/// <summary>The namespace queues: FIFO heads, weighted round robin, queue-head timeout, the blocking resource, and safe admission.</summary>
public sealed class QueueAdmissionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task WithinAQueue_OnlyTheHeadIsAdmitted_InArrivalOrder()
    {
        await using var bed = new QueueTestBed();
        var (store, admission) = bed.Replica();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await store.EnqueueAsync(QueueTestBed.Entry(id), None);
        }

        var second = await admission.AdmitAsync("b", None);
        Assert.Equal(AdmissionResult.Waiting, second.Result);
        Assert.Equal(2, second.Position);
        Assert.Equal(AdmissionResult.Admitted, (await admission.AdmitAsync("a", None)).Result);
        Assert.Equal(AdmissionResult.Waiting, (await admission.AdmitAsync("c", None)).Result);
        Assert.Equal(AdmissionResult.Admitted, (await admission.AdmitAsync("b", None)).Result);
        Assert.Equal(AdmissionResult.Admitted, (await admission.AdmitAsync("c", None)).Result);
        Assert.Empty(await store.WaitingAsync("ns-q", None));
    }

    [Fact]
    public async Task WhileBothQueuesWait_HighGetsNinetyPercentOfAdmissions()
    {
        await using var bed = new QueueTestBed();
        var (store, admission) = bed.Replica();
        for (var i = 0; i < 100; i++)
        {
            await store.EnqueueAsync(QueueTestBed.Entry($"h{i:D3}", RunPriority.High), None);
            await store.EnqueueAsync(QueueTestBed.Entry($"n{i:D3}", RunPriority.Normal), None);
        }

        var admitted = new List<string>();
        while (admitted.Count < 100)
        {
            var heads = (await store.WaitingAsync("ns-q", None)).GroupBy(e => e.Priority).Select(g => g.First().RunId).ToList();
            foreach (var head in heads)
            {
                if ((await admission.AdmitAsync(head, None)).Result == AdmissionResult.Admitted)
                {
                    admitted.Add(head);
                }
            }
        }

        var high = admitted.Take(100).Count(id => id.StartsWith('h'));
        Assert.InRange(high, 88, 92);
        Assert.Equal(admitted.Where(id => id.StartsWith('h')).OrderBy(id => id, StringComparer.Ordinal), admitted.Where(id => id.StartsWith('h')));
        Assert.Equal(90, (await store.TurnAsync("ns-q", None)).HighAdmitted * 100 / Math.Max(1, admitted.Count));
    }

    [Fact]
    public async Task AHeadWithoutCapacity_ShowsTheBlockingResource_ToTheWholeQueue()
    {
        await using var bed = new QueueTestBed { Capacity = _ => new CapacityCheck(false, "PODS", "pods: 10 of 10 used") };
        var (store, admission) = bed.Replica();
        await store.EnqueueAsync(QueueTestBed.Entry("a"), None);
        await store.EnqueueAsync(QueueTestBed.Entry("b"), None);

        var head = await admission.AdmitAsync("a", None);
        var behind = await admission.AdmitAsync("b", None);

        Assert.Equal((AdmissionResult.Waiting, "PODS"), (head.Result, head.BlockingResource));
        Assert.Equal("pods: 10 of 10 used", head.Message);
        Assert.Equal((AdmissionResult.Waiting, 2, "PODS"), (behind.Result, behind.Position, behind.BlockingResource));
        var stored = await store.GetAsync("a", None);
        Assert.Equal(("PODS", "pods: 10 of 10 used"), (stored!.BlockingResource, stored.BlockingMessage));
        Assert.NotNull(stored.HeadSince);
    }

    [Fact]
    public async Task AHeadPastTheHeadTimeout_FailsWithAClearMessage_AndLeavesTheQueue()
    {
        await using var bed = new QueueTestBed { Capacity = _ => new CapacityCheck(false, "CPU", "no CPU") };
        var (store, admission) = bed.Replica();
        await store.EnqueueAsync(QueueTestBed.Entry("a"), None);
        await store.EnqueueAsync(QueueTestBed.Entry("b"), None);
        Assert.Equal(AdmissionResult.Waiting, (await admission.AdmitAsync("a", None)).Result);

        bed.Clock.Advance(TimeSpan.FromSeconds(3599));
        Assert.Equal(AdmissionResult.Waiting, (await admission.AdmitAsync("a", None)).Result);
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var timedOut = await admission.AdmitAsync("a", None);

        Assert.Equal(AdmissionResult.HeadTimedOut, timedOut.Result);
        Assert.Contains("3600 s at the head of the NORMAL queue of namespace 'ns-q'", timedOut.Message);
        Assert.Contains("blocking resource: CPU", timedOut.Message);
        Assert.Null(await store.GetAsync("a", None));
        Assert.Equal(1, (await admission.AdmitAsync("b", None)).Position);
    }

    [Fact]
    public async Task WithAHeadRetry_ATimedOutHeadGoesToTheBack_ThenFails()
    {
        await using var bed = new QueueTestBed { Capacity = e => new CapacityCheck(false, "MEMORY", null) };
        bed.Settings["Iomete:Workflows:Queues:HeadRetryCount"] = "1";
        bed.Settings["Iomete:Workflows:Queues:HeadTimeoutSeconds"] = "60";
        var (store, admission) = bed.Replica();
        await store.EnqueueAsync(QueueTestBed.Entry("a"), None);
        await store.EnqueueAsync(QueueTestBed.Entry("b"), None);
        await admission.AdmitAsync("a", None);
        bed.Clock.Advance(TimeSpan.FromSeconds(60));

        var requeued = await admission.AdmitAsync("a", None);

        Assert.Equal(AdmissionResult.Requeued, requeued.Result);
        Assert.Contains("head retry 1 of 1", requeued.Message);
        Assert.Equal(["b", "a"], (await store.WaitingAsync("ns-q", None)).Select(e => e.RunId));
        await admission.AdmitAsync("b", None);
        bed.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(AdmissionResult.Requeued, (await admission.AdmitAsync("b", None)).Result);
        Assert.Equal(["a", "b"], (await store.WaitingAsync("ns-q", None)).Select(e => e.RunId));
        await admission.AdmitAsync("a", None);
        bed.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(AdmissionResult.HeadTimedOut, (await admission.AdmitAsync("a", None)).Result);
    }

    [Fact]
    public async Task TwoReplicasAdmittingAtOnce_AdmitEachRunOnce_InQueueOrder()
    {
        await using var bed = new QueueTestBed();
        var replicas = new[] { bed.Replica(), bed.Replica() };
        for (var i = 0; i < 20; i++)
        {
            await replicas[0].Store.EnqueueAsync(QueueTestBed.Entry($"r{i:D2}"), None);
        }

        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var (store, admission) = replicas[w % 2];
            while ((await store.WaitingAsync("ns-q", None)) is { Count: > 0 } waiting)
            {
                await admission.AdmitAsync(waiting[0].RunId, None);
            }
        }));
        await Task.WhenAll(workers);

        var turn = await replicas[1].Store.TurnAsync("ns-q", None);
        Assert.Equal(20, turn.Version);
        for (var i = 0; i < 20; i++)
        {
            Assert.True((await replicas[1].Store.GetAsync($"r{i:D2}", None))!.Admitted);
        }
    }

    [Fact]
    public void TheTurn_GivesNineHighAdmissionsThenOneNormal_AtNinetyPercent()
    {
        var high = QueueTestBed.Entry("h", RunPriority.High);
        var normal = QueueTestBed.Entry("n");
        var picks = new List<RunPriority>();
        long h = 0, n = 0;
        for (var i = 0; i < 20; i++)
        {
            var pick = QueueAdmission.Choose(high, normal, new QueueTurn("ns", h, n, 0), 90)!.Priority;
            picks.Add(pick);
            _ = pick == RunPriority.High ? h++ : n++;
        }
        Assert.Equal(18, picks.Count(p => p == RunPriority.High));
        Assert.Equal(RunPriority.Normal, picks[9]);
        Assert.Equal(RunPriority.Normal, picks[19]);
        Assert.Same(normal, QueueAdmission.Choose(null, normal, new QueueTurn("ns", 0, 0, 0), 90));
    }
}
