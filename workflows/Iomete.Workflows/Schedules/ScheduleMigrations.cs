using FluentMigrator;

namespace Iomete.Workflows.Schedules;

[Migration(202611290021, "schedules and their event log")]
[Tags(WorkflowsRegistration.Service)]
public sealed class CreateSchedules : Migration
{
    public override void Up()
    {
        Create.Table("schedules")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("name").AsString(256).NotNullable()
            .WithColumn("description").AsString(int.MaxValue).Nullable()
            .WithColumn("spec").AsString(int.MaxValue).NotNullable()
            .WithColumn("spec_kind").AsString(16).NotNullable()
            .WithColumn("target").AsString(int.MaxValue).NotNullable()
            .WithColumn("target_kind").AsString(16).NotNullable()
            .WithColumn("job_id").AsString(64).Nullable()
            .WithColumn("bundle_id").AsString(64).NotNullable()
            .WithColumn("paused").AsBoolean().NotNullable()
            .WithColumn("catch_up").AsString(16).NotNullable()
            .WithColumn("concurrency").AsString(16).NotNullable()
            .WithColumn("late_after_s").AsInt32().NotNullable()
            .WithColumn("tags").AsString(int.MaxValue).NotNullable()
            .WithColumn("managed_by").AsString(32).Nullable()
            .WithColumn("created_by").AsString(128).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("last_fire_ms").AsInt64().Nullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ux_schedules_domain_name").OnTable("schedules").OnColumn("domain_id").Ascending().OnColumn("name").Ascending().WithOptions().Unique();
        Create.Index("ix_schedules_job").OnTable("schedules").OnColumn("job_id").Ascending();

        // What happened to a schedule's fires besides runs: skipped (FORBID, missed), cancelled by REPLACE, errors.
        Create.Table("schedule_events")
            .WithColumn("id").AsInt64().PrimaryKey().Identity()
            .WithColumn("schedule_id").AsString(64).NotNullable()
            .WithColumn("at_ms").AsInt64().NotNullable()
            .WithColumn("fire_ms").AsInt64().Nullable()
            .WithColumn("level").AsString(8).NotNullable()
            .WithColumn("message").AsString(int.MaxValue).NotNullable();
        Create.Index("ix_schedule_events_schedule").OnTable("schedule_events").OnColumn("schedule_id").Ascending().OnColumn("id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("schedule_events");
        Delete.Table("schedules");
    }
}
