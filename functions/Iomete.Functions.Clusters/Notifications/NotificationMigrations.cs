using FluentMigrator;

namespace Iomete.Functions.Clusters.Notifications;

[Migration(202611280405, "spark job notifications")]
[Tags(ClustersRegistration.Service)]
public sealed class CreateJobNotifications : Migration
{
    public override void Up()
    {
        Create.Table("job_notifications")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("job_id").AsString(64).NotNullable()
            .WithColumn("recipient").AsString(320).NotNullable()
            .WithColumn("events").AsString(512).NotNullable()
            .WithColumn("created_by").AsString(255).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(255).NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
        Create.Index("ux_job_notifications_recipient").OnTable("job_notifications")
            .OnColumn("domain_id").Ascending().OnColumn("job_id").Ascending().OnColumn("recipient").Ascending().WithOptions().Unique();

        Create.Table("job_notification_silences")
            .WithColumn("domain_id").AsString(63).NotNullable().PrimaryKey()
            .WithColumn("job_id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("until_ms").AsInt64().NotNullable()
            .WithColumn("duration").AsString(8).NotNullable()
            .WithColumn("set_by").AsString(255).NotNullable()
            .WithColumn("set_ms").AsInt64().NotNullable();

        // One row per email a run's event caused (or would have): the claim that makes a redelivered event send nothing twice.
        Create.Table("job_notification_notices")
            .WithColumn("run_id").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("event").AsString(32).NotNullable().PrimaryKey()
            .WithColumn("recipient").AsString(320).NotNullable().PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("job_id").AsString(64).NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("detail").AsString(1024).Nullable()
            .WithColumn("at_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("job_notification_notices");
        Delete.Table("job_notification_silences");
        Delete.Table("job_notifications");
    }
}
