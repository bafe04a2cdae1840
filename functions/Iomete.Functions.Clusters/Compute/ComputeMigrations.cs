using FluentMigrator;

namespace Iomete.Functions.Clusters.Compute;

[Migration(202611280101, "compute clusters, their activity log and actor reminders")]
[Tags(ClustersRegistration.Service)]
public sealed class CreateComputeClusters : Migration
{
    public override void Up()
    {
        Create.Table("compute_clusters")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("name").AsString(53).NotNullable()
            .WithColumn("description").AsString(int.MaxValue).Nullable()
            .WithColumn("bundle_id").AsString(64).NotNullable()
            .WithColumn("namespace").AsString(63).NotNullable()
            .WithColumn("spec").AsString(int.MaxValue).NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("driver_state").AsString(32).Nullable()
            .WithColumn("error_message").AsString(int.MaxValue).Nullable()
            .WithColumn("start_count").AsInt32().NotNullable()
            .WithColumn("restart_attempts").AsInt32().NotNullable()
            .WithColumn("restart_required").AsBoolean().NotNullable()
            .WithColumn("last_activity_ms").AsInt64().Nullable()
            .WithColumn("created_by").AsString(64).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ux_compute_clusters_domain_name").OnTable("compute_clusters")
            .OnColumn("domain_id").Ascending().OnColumn("name").Ascending().WithOptions().Unique();

        Create.Table("compute_activities")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("cluster_id").AsString(64).NotNullable()
            .WithColumn("action").AsString(32).NotNullable()
            .WithColumn("user_id").AsString(64).Nullable()
            .WithColumn("message").AsString(int.MaxValue).Nullable()
            .WithColumn("at_ms").AsInt64().NotNullable();
        Create.Index("ix_compute_activities_cluster").OnTable("compute_activities")
            .OnColumn("cluster_id").Ascending().OnColumn("at_ms").Ascending();

        Create.Table("actor_reminders")
            .WithColumn("actor_type").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("actor_id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("name").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("due_ms").AsInt64().NotNullable();
        Create.Index("ix_actor_reminders_due").OnTable("actor_reminders").OnColumn("due_ms").Ascending();
    }

    public override void Down()
    {
        Delete.Table("actor_reminders");
        Delete.Table("compute_activities");
        Delete.Table("compute_clusters");
    }
}
