using FluentMigrator;

namespace Iomete.Functions.IcebergRest.Objects;

[Migration(202611285001, "tables and views, idempotency keys")]
[Tags(IcebergRestRegistration.Service)]
public sealed class CreateCatalogObjects : Migration
{
    public override void Up()
    {
        // Tables and views share one name space per namespace, so one table holds both: the primary
        // key makes "already exists as a table or view" a unique violation. metadata_location is the
        // current-metadata pointer; it changes only by compare-and-swap on its old value.
        Create.Table("catalog_objects")
            .WithColumn("catalog").AsString(128).NotNullable().PrimaryKey("pk_catalog_objects")
            .WithColumn("namespace").AsString(2048).NotNullable().PrimaryKey("pk_catalog_objects")
            .WithColumn("name").AsString(512).NotNullable().PrimaryKey("pk_catalog_objects")
            .WithColumn("kind").AsString(16).NotNullable()
            .WithColumn("metadata_location").AsString(4096).NotNullable()
            .WithColumn("version").AsInt64().NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable();
        Create.Index("ix_catalog_objects_kind").OnTable("catalog_objects")
            .OnColumn("catalog").Ascending().OnColumn("namespace").Ascending().OnColumn("kind").Ascending().OnColumn("name").Ascending();

        // Idempotency-Key: the first request with a key reserves it; its final 2xx/4xx response is kept
        // for replay until expires_ms.
        Create.Table("idempotency_keys")
            .WithColumn("idempotency_key").AsString(128).PrimaryKey()
            .WithColumn("operation").AsString(512).NotNullable()
            .WithColumn("state").AsString(16).NotNullable()
            .WithColumn("status").AsInt32().Nullable()
            .WithColumn("content_type").AsString(128).Nullable()
            .WithColumn("etag").AsString(256).Nullable()
            .WithColumn("body").AsCustom("TEXT").Nullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("expires_ms").AsInt64().NotNullable();
        Create.Index("ix_idempotency_keys_expires").OnTable("idempotency_keys").OnColumn("expires_ms").Ascending();
    }

    public override void Down()
    {
        Delete.Table("idempotency_keys");
        Delete.Table("catalog_objects");
    }
}
