using FluentMigrator;

namespace Iomete.Functions.Maintenance.Runs;

[Migration(202611291201, "maintenance runs")]
[Tags(MaintenanceRegistration.Service)]
public sealed class CreateMaintenanceRuns : Migration
{
    public override void Up()
    {
        Create.Table("maintenance_runs")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).Nullable()
            .WithColumn("catalog").AsString(255).NotNullable()
            .WithColumn("database_name").AsString(255).NotNullable()
            .WithColumn("table_name").AsString(255).NotNullable()
            .WithColumn("operation").AsString(32).NotNullable()
            .WithColumn("state").AsString(16).NotNullable()
            .WithColumn("reason").AsString(int.MaxValue).Nullable()
            .WithColumn("summary").AsString(int.MaxValue).Nullable()
            .WithColumn("trigger_kind").AsString(16).NotNullable()
            .WithColumn("created_by").AsString(64).NotNullable()
            .WithColumn("before_metrics").AsString(int.MaxValue).Nullable()
            .WithColumn("after_metrics").AsString(int.MaxValue).Nullable()
            .WithColumn("cancel_requested").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("started_ms").AsInt64().Nullable()
            .WithColumn("ended_ms").AsInt64().Nullable()
            .WithColumn("heartbeat_ms").AsInt64().Nullable()
            // Set while the run is PENDING or RUNNING, NULL after: the unique index allows one active run per table and operation.
            .WithColumn("active_key").AsString(900).Nullable();
        Create.Index("ux_maintenance_runs_active").OnTable("maintenance_runs").OnColumn("active_key").Ascending().WithOptions().Unique();
        Create.Index("ix_maintenance_runs_table").OnTable("maintenance_runs")
            .OnColumn("catalog").Ascending().OnColumn("database_name").Ascending().OnColumn("table_name").Ascending()
            .OnColumn("operation").Ascending().OnColumn("created_ms").Descending();
        Create.Index("ix_maintenance_runs_created").OnTable("maintenance_runs").OnColumn("created_ms").Descending();
    }

    public override void Down()
    {
        Delete.Table("maintenance_runs");
    }
}
