using FluentMigrator;

namespace Iomete.Functions.Health.Migrations;

/// <summary>Hourly samples per component (48 h kept), the last known status per component, and the notification settings.</summary>
[Migration(202611291300, "health history")]
[Tags(HealthRegistration.Service)]
public sealed class CreateHealthTables : Migration
{
    public override void Up()
    {
        Create.Table("health_hours")
            .WithColumn("component").AsString(128).NotNullable().PrimaryKey("pk_health_hours")
            .WithColumn("hour_ms").AsInt64().NotNullable().PrimaryKey("pk_health_hours")
            .WithColumn("samples").AsInt32().NotNullable()
            .WithColumn("failures").AsInt32().NotNullable()
            .WithColumn("observed_ms").AsInt64().NotNullable()
            .WithColumn("failing_ms").AsInt64().NotNullable();
        Create.Index("ix_health_hours_hour").OnTable("health_hours").OnColumn("hour_ms");

        Create.Table("health_status")
            .WithColumn("component").AsString(128).PrimaryKey()
            .WithColumn("status").AsString(32).NotNullable()
            .WithColumn("since_ms").AsInt64().NotNullable()
            .WithColumn("checked_ms").AsInt64().NotNullable()
            .WithColumn("message").AsString(2048).Nullable();

        Create.Table("health_notification_settings")
            .WithColumn("id").AsString(32).PrimaryKey()
            .WithColumn("emails").AsCustom("TEXT").NotNullable()
            .WithColumn("webhooks").AsCustom("TEXT").NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("updated_by").AsString(128).Nullable();
    }

    public override void Down()
    {
        Delete.Table("health_notification_settings");
        Delete.Table("health_status");
        Delete.Table("health_hours");
    }
}
