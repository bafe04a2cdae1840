using FluentMigrator;

namespace Iomete.Workflows.Pipelines;

[Migration(202611290031, "pipelines (DAGs of jobs) and the graph each pipeline run executed")]
[Tags(WorkflowsRegistration.Service)]
public sealed class CreatePipelines : Migration
{
    public override void Up()
    {
        Create.Table("pipelines")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("name").AsString(256).NotNullable()
            .WithColumn("description").AsString(int.MaxValue).Nullable()
            .WithColumn("bundle_id").AsString(64).NotNullable()
            .WithColumn("nodes").AsString(int.MaxValue).NotNullable()
            .WithColumn("parameters").AsString(int.MaxValue).NotNullable()
            .WithColumn("tags").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_by").AsString(128).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ux_pipelines_domain_name").OnTable("pipelines")
            .OnColumn("domain_id").Ascending().OnColumn("name").Ascending().WithOptions().Unique();

        // The nodes a pipeline run executes, as they were when it started: the run's DAG stays drawable after edits.
        Create.Table("pipeline_run_graphs")
            .WithColumn("run_id").AsString(64).PrimaryKey()
            .WithColumn("pipeline_id").AsString(64).NotNullable()
            .WithColumn("nodes").AsString(int.MaxValue).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("pipeline_run_graphs");
        Delete.Table("pipelines");
    }
}
