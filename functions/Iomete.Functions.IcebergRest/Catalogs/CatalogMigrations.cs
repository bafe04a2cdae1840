using FluentMigrator;

namespace Iomete.Functions.IcebergRest.Catalogs;

[Migration(202611284001, "catalogs and namespaces")]
[Tags(IcebergRestRegistration.Service)]
public sealed class CreateCatalogsAndNamespaces : Migration
{
    public override void Up()
    {
        Create.Table("catalogs")
            .WithColumn("name").AsString(128).PrimaryKey()
            .WithColumn("warehouse").AsString(2048).NotNullable()
            .WithColumn("properties").AsCustom("TEXT").NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable();

        // A namespace is its levels joined by 0x1F (never inside a level: control characters are refused);
        // parent_name is the same for its parent, '' at the top.
        Create.Table("namespaces")
            .WithColumn("catalog").AsString(128).NotNullable().PrimaryKey("pk_namespaces")
            .WithColumn("name").AsString(2048).NotNullable().PrimaryKey("pk_namespaces")
            .WithColumn("parent_name").AsString(2048).NotNullable()
            .WithColumn("properties").AsCustom("TEXT").NotNullable()
            .WithColumn("version").AsInt64().NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
        Create.Index("ix_namespaces_parent").OnTable("namespaces").OnColumn("catalog").Ascending().OnColumn("parent_name").Ascending().OnColumn("name").Ascending();

        Create.Table("seeds")
            .WithColumn("name").AsString(128).PrimaryKey()
            .WithColumn("applied_ms").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("seeds");
        Delete.Table("namespaces");
        Delete.Table("catalogs");
    }
}
