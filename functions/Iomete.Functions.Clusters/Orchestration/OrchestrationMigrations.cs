using FluentMigrator;

namespace Iomete.Functions.Clusters.Orchestration;

[Migration(202611290081, "runs started by the job orchestrator, by submission key")]
[Tags(ClustersRegistration.Service)]
public sealed class CreateOrchestratedRuns : Migration
{
    public override void Up()
    {
        Create.Table("orchestrated_runs")
            .WithColumn("submission_key").AsString(200).PrimaryKey()
            .WithColumn("run_id").AsString(64).NotNullable()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("namespace").AsString(63).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable();
        Create.Index("ix_orchestrated_runs_namespace").OnTable("orchestrated_runs").OnColumn("namespace").Ascending();
    }

    public override void Down() => Delete.Table("orchestrated_runs");
}
