using FluentMigrator;

namespace Iomete.Functions.Core.NodeTypes;

[Migration(202611283002, "node types")]
[Tags(CoreRegistration.Service)]
public sealed class CreateNodeTypes : Migration
{
    public override void Up()
    {
        Create.Table("node_types")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("name").AsString(255).NotNullable()
            .WithColumn("description").AsString(1024).Nullable()
            .WithColumn("cpu_millicores").AsInt32().NotNullable()
            .WithColumn("memory_mib").AsInt32().NotNullable()
            .WithColumn("available_for").AsString(64).NotNullable()
            .WithColumn("spot_instance").AsBoolean().NotNullable()
            .WithColumn("resource_tags").AsCustom("TEXT").NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("deleted_ms").AsInt64().Nullable();
        // Soft delete keeps the row; only live node types hold their name, so a name can be used again.
        Execute.Sql("CREATE UNIQUE INDEX ux_node_types_live_name ON node_types (name) WHERE deleted_ms IS NULL");

        Create.Table("seeds")
            .WithColumn("name").AsString(128).PrimaryKey()
            .WithColumn("applied_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("seeds");
        Delete.Table("node_types");
    }
}
