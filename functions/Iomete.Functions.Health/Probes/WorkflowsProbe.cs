using Microsoft.DurableTask.Client;

namespace Iomete.Functions.Health.Probes;

/// <summary>The durable workflow backend answers an instance lookup through the Durable Task client (a miss is an answer).</summary>
internal sealed class WorkflowsProbe(DurableTaskClient client) : IHealthProbe
{
    private const string ProbeInstance = "iomete-health-probe";

    public string Component => ComponentNames.Workflows;

    public string DisplayName => "Workflows backend";

    public Task ProbeAsync(CancellationToken ct) => client.GetInstanceAsync(ProbeInstance, getInputsAndOutputs: false, ct);
}
