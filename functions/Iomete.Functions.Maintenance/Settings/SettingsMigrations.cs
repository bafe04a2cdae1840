using FluentMigrator;

namespace Iomete.Functions.Maintenance.Settings;

[Migration(202611291200, "maintenance settings: catalogs and table overrides")]
[Tags(MaintenanceRegistration.Service)]
public sealed class CreateMaintenanceSettings : Migration
{
    public override void Up()
    {
        Create.Table("maintenance_catalog_settings")
            .WithColumn("catalog").AsString(255).PrimaryKey()
            .WithColumn("settings").AsString(int.MaxValue).NotNullable()
            .WithColumn("updated_by").AsString(64).NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
        Create.Table("maintenance_table_settings")
            .WithColumn("catalog").AsString(255).NotNullable().PrimaryKey("pk_maintenance_table_settings")
            .WithColumn("database_name").AsString(255).NotNullable().PrimaryKey("pk_maintenance_table_settings")
            .WithColumn("table_name").AsString(255).NotNullable().PrimaryKey("pk_maintenance_table_settings")
            .WithColumn("settings").AsString(int.MaxValue).NotNullable()
            .WithColumn("updated_by").AsString(64).NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("maintenance_table_settings");
        Delete.Table("maintenance_catalog_settings");
    }
}
