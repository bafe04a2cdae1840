using System.Text.Json;

namespace Iomete.Functions.Clusters.Tests.Jobs;

internal static class JobsHttp
{
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
}
