using FluentMigrator;

namespace Iomete.Functions.EventStreams.Streams;

[Migration(202611285501, "event streams")]
[Tags(EventStreamsRegistration.Service)]
public sealed class CreateEventStreams : Migration
{
    public override void Up()
    {
        Create.Table("event_streams")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("name").AsString(53).NotNullable()
            .WithColumn("namespace").AsString(63).NotNullable()
            .WithColumn("bundle_id").AsString(64).NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("replicas").AsInt32().NotNullable()
            .WithColumn("cpu_millicores").AsInt32().NotNullable()
            .WithColumn("memory_mib").AsInt32().NotNullable()
            .WithColumn("volume_id").AsString(64).Nullable()
            .WithColumn("tags").AsString(int.MaxValue).NotNullable()
            .WithColumn("settings").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_by").AsString(64).NotNullable()
            .WithColumn("created_ms").AsInt64().NotNullable()
            .WithColumn("updated_ms").AsInt64().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ux_event_streams_namespace_name").OnTable("event_streams")
            .OnColumn("namespace").Ascending().OnColumn("name").Ascending().WithOptions().Unique();
        Create.Index("ix_event_streams_domain").OnTable("event_streams").OnColumn("domain_id").Ascending();
        Create.Index("ix_event_streams_status").OnTable("event_streams").OnColumn("status").Ascending();
    }

    public override void Down()
    {
        Delete.Table("event_streams");
    }
}
