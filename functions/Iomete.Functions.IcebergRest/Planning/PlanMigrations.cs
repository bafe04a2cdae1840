using FluentMigrator;

namespace Iomete.Functions.IcebergRest.Planning;

[Migration(202611285002, "server-side scan plans")]
[Tags(IcebergRestRegistration.Service)]
public sealed class CreateScanPlans : Migration
{
    public override void Up()
    {
        // A finished plan is kept for a while so that any replica can serve its plan tasks.
        Create.Table("scan_plans")
            .WithColumn("plan_id").AsString(64).PrimaryKey()
            .WithColumn("catalog").AsString(128).NotNullable()
            .WithColumn("namespace").AsString(2048).NotNullable()
            .WithColumn("name").AsString(512).NotNullable()
            .WithColumn("task_count").AsInt32().NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("expires_ms").AsInt64().NotNullable();
        Create.Index("ix_scan_plans_expires").OnTable("scan_plans").OnColumn("expires_ms").Ascending();
        Create.Table("scan_plan_tasks")
            .WithColumn("plan_id").AsString(64).NotNullable().PrimaryKey("pk_scan_plan_tasks")
            .WithColumn("task_index").AsInt32().NotNullable().PrimaryKey("pk_scan_plan_tasks")
            .WithColumn("body").AsCustom("TEXT").NotNullable();
    }

    public override void Down()
    {
        Delete.Table("scan_plan_tasks");
        Delete.Table("scan_plans");
    }
}
