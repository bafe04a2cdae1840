using FluentMigrator;

namespace Iomete.Functions.Core.Volumes;

[Migration(202611283003, "volumes")]
[Tags(CoreRegistration.Service)]
public sealed class CreateVolumes : Migration
{
    public override void Up()
    {
        Create.Table("volumes")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("name").AsString(63).NotNullable().Unique("ux_volumes_name")
            .WithColumn("type").AsString(32).NotNullable()
            .WithColumn("host_path").AsString(4096).Nullable()
            .WithColumn("storage_class_name").AsString(253).Nullable()
            .WithColumn("max_size").AsString(64).Nullable()
            .WithColumn("scheduler_reserved").AsBoolean().NotNullable()
            .WithColumn("nfs_server").AsString(253).Nullable()
            .WithColumn("nfs_path").AsString(4096).Nullable()
            .WithColumn("resource_tags").AsCustom("TEXT").NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
    }

    public override void Down() => Delete.Table("volumes");
}
