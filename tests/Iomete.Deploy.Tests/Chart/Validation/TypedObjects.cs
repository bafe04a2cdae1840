using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Iomete.Deploy.Tests.Chart.Validation;

/// <summary>
/// Kinds without a schema in the specs (Role, RoleBinding, ServiceAccount, NetworkPolicy, Job) are read with
/// KubernetesClient's typed models in strict mode (an unknown or misspelt field fails), then checked for the fields
/// the API server requires. Dapr's Resiliency has neither a CRD in the specs nor a typed model: it gets the
/// required-field assertions only. Returns the problems found; empty when the object is acceptable.
/// </summary>
internal static class TypedObjects
{
    public static bool Knows(string apiVersion, string kind) => (apiVersion, kind) is
        ("v1", "ServiceAccount") or ("rbac.authorization.k8s.io/v1", "Role") or ("rbac.authorization.k8s.io/v1", "RoleBinding")
        or ("networking.k8s.io/v1", "NetworkPolicy") or ("batch/v1", "Job") or ("dapr.io/v1alpha1", "Resiliency");

    public static IReadOnlyList<string> Problems(string kind, string yaml, JsonObject json)
    {
        var problems = new List<string>();
        switch (kind)
        {
            case "Resiliency":
                Require(!string.IsNullOrEmpty((string?)json["metadata"]?["name"]), "metadata.name is required", problems);
                Require(json["spec"]?["policies"] is JsonObject { Count: > 0 }, "spec.policies is required", problems);
                Require(json["spec"]?["targets"] is JsonObject { Count: > 0 }, "spec.targets is required", problems);
                break;
            case "ServiceAccount":
                Metadata(KubernetesYaml.Deserialize<V1ServiceAccount>(yaml, strict: true).Metadata, problems);
                break;
            case "Role":
                var role = KubernetesYaml.Deserialize<V1Role>(yaml, strict: true);
                Metadata(role.Metadata, problems);
                Require(role.Rules is { Count: > 0 }, "rules is empty", problems);
                foreach (var rule in role.Rules ?? [])
                {
                    Require(rule.Verbs is { Count: > 0 }, "a rule has no verbs", problems);
                    Require(rule.ApiGroups is { Count: > 0 } && rule.Resources is { Count: > 0 }, "a rule needs apiGroups and resources", problems);
                }
                break;
            case "RoleBinding":
                var binding = KubernetesYaml.Deserialize<V1RoleBinding>(yaml, strict: true);
                Metadata(binding.Metadata, problems);
                Require(binding.RoleRef is { ApiGroup: "rbac.authorization.k8s.io", Kind: "Role" or "ClusterRole" } && !string.IsNullOrEmpty(binding.RoleRef.Name),
                    "roleRef needs apiGroup rbac.authorization.k8s.io, kind Role|ClusterRole and a name", problems);
                foreach (var subject in binding.Subjects ?? [])
                    Require(!string.IsNullOrEmpty(subject.Name) && (subject.Kind != "ServiceAccount" || !string.IsNullOrEmpty(subject.NamespaceProperty)),
                        "a ServiceAccount subject needs a name and a namespace", problems);
                break;
            case "NetworkPolicy":
                var policy = KubernetesYaml.Deserialize<V1NetworkPolicy>(yaml, strict: true);
                Metadata(policy.Metadata, problems);
                Require(policy.Spec?.PodSelector is not null, "spec.podSelector is required", problems);
                Require((policy.Spec?.PolicyTypes ?? []).All(t => t is "Ingress" or "Egress"), "policyTypes are Ingress or Egress", problems);
                foreach (var port in (policy.Spec?.Ingress ?? []).SelectMany(r => r.Ports ?? []))
                    Require(port.Protocol is null or "TCP" or "UDP" or "SCTP" && port.Port is not null, "a port needs a number and a known protocol", problems);
                break;
            case "Job":
                var job = KubernetesYaml.Deserialize<V1Job>(yaml, strict: true);
                Metadata(job.Metadata, problems);
                var pod = job.Spec?.Template?.Spec;
                Require(pod?.Containers is { Count: > 0 }, "spec.template.spec.containers is required", problems);
                Require(pod?.RestartPolicy is "Never" or "OnFailure", "a Job's restartPolicy is Never or OnFailure", problems);
                foreach (var container in pod?.Containers ?? [])
                    Require(!string.IsNullOrEmpty(container.Name) && !string.IsNullOrEmpty(container.Image), "a container needs a name and an image", problems);
                break;
            default:
                problems.Add($"no typed model for {kind}");
                break;
        }
        return problems;
    }

    private static void Metadata(V1ObjectMeta? metadata, List<string> problems)
    {
        Require(!string.IsNullOrEmpty(metadata?.Name), "metadata.name is required", problems);
        Require(!string.IsNullOrEmpty(metadata?.NamespaceProperty), "metadata.namespace is set (the chart never relies on the current namespace)", problems);
    }

    private static void Require(bool condition, string problem, List<string> problems)
    {
        if (!condition)
            problems.Add(problem);
    }
}
