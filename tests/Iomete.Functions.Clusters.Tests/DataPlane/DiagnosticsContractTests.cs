using Iomete.Functions.Clusters.DataPlane;
using k8s;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>Contract tests: pod logs and Kubernetes events through KubernetesClient against the API server stand-in.</summary>
public sealed class DiagnosticsContractTests : IAsyncLifetime
{
    private FakeKubeApiServer server = null!;
    private KubernetesDiagnostics diagnostics = null!;

    public async Task InitializeAsync()
    {
        server = await FakeKubeApiServer.StartAsync();
        diagnostics = new KubernetesDiagnostics(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.Address.ToString().TrimEnd('/') }));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task PodLog_ReturnsTheTail_AndPassesSinceSeconds()
    {
        server.SetPodLog("spark", "cc-a-driver", "line 1\nline 2\nline 3\nline 4");
        var log = await diagnostics.ReadPodLogAsync("spark", "cc-a-driver", 2, 300, CancellationToken.None);
        Assert.Equal("line 3\nline 4", log);
        var request = Assert.Single(server.Requests, r => r.StartsWith("log ", StringComparison.Ordinal));
        Assert.Contains("sinceSeconds=300", request, StringComparison.Ordinal);
        Assert.Contains("tailLines=2", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PodLog_OfAMissingPod_IsNull()
    {
        Assert.Null(await diagnostics.ReadPodLogAsync("spark", "gone-driver", null, null, CancellationToken.None));
    }

    [Fact]
    public async Task Events_AreThoseOfTheObjectAndItsRelatives_NewestFirst()
    {
        var t = new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero);
        server.AddEvent("spark", "SparkApplication", "cc-a", "Normal", "SparkApplicationSubmitted", "submitted", 1, t);
        server.AddEvent("spark", "Pod", "cc-a-driver", "Warning", "BackOff", "Back-off restarting failed container", 7, t.AddMinutes(5));
        server.AddEvent("spark", "Pod", "other-driver", "Warning", "Failed", "not ours", 1, t.AddMinutes(9));
        server.AddEvent("elsewhere", "Pod", "cc-a-driver", "Normal", "Pulled", "other namespace", 1, t.AddMinutes(9));

        var events = await diagnostics.ListEventsAsync("spark", "cc-a", ["cc-a-driver"], CancellationToken.None);

        Assert.Equal(["cc-a-driver", "cc-a"], events.Select(e => e.ObjectName));
        var backOff = events[0];
        Assert.Equal(("Warning", "BackOff", "Pod", 7), (backOff.Type, backOff.Reason, backOff.ObjectKind, backOff.Count));
        Assert.Equal(t.AddMinutes(5), backOff.LastSeen);
        Assert.Contains(server.Requests, r => r == "events spark?involvedObject.name=cc-a-driver");
    }
}
