using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.Runs;

namespace Iomete.Functions.Clusters.Tests.Jobs;

public sealed class RunStatusTests
{
    private static SparkRun Run(string status) => new()
    {
        Id = "r1", DomainId = "default", JobId = "j1", JobName = "job", Name = "run-r1", Namespace = "iomete-system",
        ApplicationType = JobTemplate.Python, Config = new JobTemplate(), TriggeredBy = "u", RunAsUser = "u", Status = status,
    };

    private static SparkApplicationStatus State(string state, bool deleted = false) => new("iomete-system", "run-r1", state, "boom", "1", deleted);

    [Theory]
    [InlineData("ENQUEUED", "", "SUBMITTED")]
    [InlineData("SUBMITTED", "RUNNING", "RUNNING")]
    [InlineData("RUNNING", "", "RUNNING")]
    [InlineData("RUNNING", "FAILING", "FAILING")]
    [InlineData("FAILING", "PENDING_RERUN", "PENDING_RERUN")]
    [InlineData("PENDING_RERUN", "SUBMITTED", "SUBMITTED")]
    [InlineData("RUNNING", "SUSPENDED", "UNKNOWN")]
    [InlineData("SUCCEEDING", "COMPLETED", "COMPLETED")]
    public void Next_FollowsTheOperator(string from, string state, string expected) =>
        Assert.Equal(expected, (SparkRunObserver.Next(Run(from), State(state)) ?? Run(from)).Status);

    [Theory]
    [InlineData("COMPLETED")]
    [InlineData("FAILED")]
    [InlineData("ABORTED")]
    public void TerminalRuns_NeverChange(string terminal)
    {
        Assert.Null(SparkRunObserver.Next(Run(terminal), State("RUNNING")));
        Assert.Null(SparkRunObserver.Next(Run(terminal), State("", deleted: true)));
        Assert.False(RunStatus.CanMove(terminal, RunStatus.Running));
    }

    [Fact]
    public void AFailedApplication_CarriesItsError_AndADeletedOneFailsTheRun()
    {
        Assert.Equal("boom", SparkRunObserver.Next(Run("RUNNING"), State("FAILED"))!.ErrorMessage);
        var deleted = SparkRunObserver.Next(Run("RUNNING"), State("RUNNING", deleted: true))!;
        Assert.Equal(("FAILED", true), (deleted.Status, deleted.AppDeleted));
    }
}
