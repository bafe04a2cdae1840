using FluentMigrator;

namespace Iomete.Workflows.Runs;

[Migration(202611290001, "workflow runs, their logs, timeline events and tasks")]
[Tags(WorkflowsRegistration.Service)]
public sealed class CreateWorkflowRuns : Migration
{
    public override void Up()
    {
        Create.Table("workflow_runs")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("kind").AsString(16).NotNullable()
            .WithColumn("name").AsString(256).NotNullable()
            .WithColumn("state").AsString(16).NotNullable()
            .WithColumn("state_message").AsString(int.MaxValue).Nullable()
            .WithColumn("run_trigger").AsString(16).NotNullable()
            .WithColumn("priority").AsString(8).NotNullable()
            .WithColumn("namespace").AsString(63).Nullable()
            .WithColumn("job_id").AsString(64).Nullable()
            .WithColumn("schedule_id").AsString(64).Nullable()
            .WithColumn("pipeline_id").AsString(64).Nullable()
            .WithColumn("parent_run_id").AsString(64).Nullable()
            .WithColumn("node_key").AsString(128).Nullable()
            .WithColumn("external_run_id").AsString(64).Nullable()
            .WithColumn("run_as").AsString(128).Nullable()
            .WithColumn("created_by").AsString(128).Nullable()
            .WithColumn("parameters").AsString(int.MaxValue).Nullable()
            .WithColumn("output").AsString(int.MaxValue).Nullable()
            .WithColumn("dedupe_key").AsString(256).Nullable()
            .WithColumn("attempt").AsInt32().NotNullable()
            .WithColumn("scheduled_ms").AsInt64().Nullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("started_ms").AsInt64().Nullable()
            .WithColumn("ended_ms").AsInt64().Nullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ux_workflow_runs_dedupe").OnTable("workflow_runs").OnColumn("dedupe_key").Ascending().WithOptions().Unique();
        Create.Index("ix_workflow_runs_domain_created").OnTable("workflow_runs")
            .OnColumn("domain_id").Ascending().OnColumn("created_ms").Descending();
        Create.Index("ix_workflow_runs_state").OnTable("workflow_runs").OnColumn("state").Ascending();
        Create.Index("ix_workflow_runs_schedule").OnTable("workflow_runs").OnColumn("schedule_id").Ascending();
        Create.Index("ix_workflow_runs_pipeline").OnTable("workflow_runs").OnColumn("pipeline_id").Ascending();
        Create.Index("ix_workflow_runs_parent").OnTable("workflow_runs").OnColumn("parent_run_id").Ascending();
        Create.Index("ix_workflow_runs_external").OnTable("workflow_runs").OnColumn("external_run_id").Ascending();

        // Log lines and timeline events of a run, in order (id is the order).
        Create.Table("workflow_run_events")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("run_id").AsString(64).NotNullable()
            .WithColumn("at_ms").AsInt64().NotNullable()
            .WithColumn("kind").AsString(16).NotNullable()
            .WithColumn("level").AsString(8).NotNullable()
            .WithColumn("state").AsString(16).Nullable()
            .WithColumn("task_key").AsString(128).Nullable()
            .WithColumn("message").AsString(int.MaxValue).NotNullable();
        Create.Index("ix_workflow_run_events_run").OnTable("workflow_run_events").OnColumn("run_id").Ascending().OnColumn("id").Ascending();

        // The tasks of a run: one per query of a SQL schedule, one per node of a pipeline.
        Create.Table("workflow_run_tasks")
            .WithColumn("run_id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("task_key").AsString(128).NotNullable().PrimaryKey()
            .WithColumn("name").AsString(256).NotNullable()
            .WithColumn("position").AsInt32().NotNullable()
            .WithColumn("state").AsString(16).NotNullable()
            .WithColumn("state_message").AsString(int.MaxValue).Nullable()
            .WithColumn("external_id").AsString(64).Nullable()
            .WithColumn("attempt").AsInt32().NotNullable()
            .WithColumn("output").AsString(int.MaxValue).Nullable()
            .WithColumn("started_ms").AsInt64().Nullable()
            .WithColumn("ended_ms").AsInt64().Nullable();
    }

    public override void Down()
    {
        Delete.Table("workflow_run_tasks");
        Delete.Table("workflow_run_events");
        Delete.Table("workflow_runs");
    }
}
