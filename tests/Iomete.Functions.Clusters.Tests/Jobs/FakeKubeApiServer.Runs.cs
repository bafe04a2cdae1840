using System.Text.Json.Nodes;

// The stand-in's hooks for job runs (a partial of the DataPlane stand-in; its file lives with the job tests).
namespace Iomete.Functions.Clusters.Tests.DataPlane;

internal sealed partial class FakeKubeApiServer
{
    /// <summary>Plays the operator with a whole <c>status</c> (executor states, attempts, driver info): a MODIFIED event.</summary>
    public void SetStatus(string ns, string name, JsonObject status)
    {
        var item = objects[(ns, name)];
        lock (gate)
        {
            item["status"] = status;
        }
        Record("MODIFIED", item);
    }

    public bool Exists(string ns, string name) => objects.ContainsKey((ns, name));

    /// <summary>The last created body of that name (what the control plane sent).</summary>
    public JsonObject? CreatedBody(string name) =>
        Created.LastOrDefault(b => b["metadata"]?["name"]?.GetValue<string>() == name);
}
