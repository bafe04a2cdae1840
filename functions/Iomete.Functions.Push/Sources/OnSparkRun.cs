using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Functions;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Push.Sources;

/// <summary>Pushes a Spark run's status change to those who may view its job</summary>
public sealed class OnSparkRun(PushIntake intake, TimeProvider clock)
{
    [Function("push-on-spark-run")]
    [TopicSubscription(ClusterTopicNames.SparkRuns)]
    [OpenApiOperation("Internal", "Pushes a Spark run's status change to those who may view its job (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<SparkRunChange>))]
    [OpenApiResponse(200, typeof(PushAppendResult))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/push/subscriptions/spark-runs")] HttpRequest request,
        CancellationToken ct) =>
        intake.AcceptAsync<SparkRunChange>(request, ClusterTopicNames.SparkRuns, change => new PushMapping(PushEventTypes.SparkRun, PushTopics.SparkRuns, new Audience(AudienceKinds.SparkJob, change.Domain, change.JobId), change with { At = change.At ?? clock.GetUtcNow() }, change.At ?? clock.GetUtcNow()), ct);
}
