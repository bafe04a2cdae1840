using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Orchestration;

public static class OrchestrationRegistration
{
    /// <summary>The routes the job orchestrator calls, and the redirect of <c>flow: PRIORITY</c> runs to it.</summary>
    public static IServiceCollection AddJobOrchestration(this IServiceCollection services)
    {
        services.AddValidatedOptions<OrchestrationOptions>(OrchestrationOptions.Section);
        services.AddSingleton<OrchestratedRunStore>();
        services.AddSingleton<OrchestrationCalls>();
        services.AddSingleton<NamespaceCapacity>();
        services.AddSingleton<PriorityFlowRedirect>();
        return services;
    }
}
