using FluentMigrator;

namespace Iomete.Functions.Push.Log;

[Migration(202611291400, "push log")]
[Tags(PushRegistration.Service)]
public sealed class CreatePushLog : Migration
{
    public override void Up()
    {
        // seq is assigned as MAX(seq) + 1 by the insert itself (not an identity): gapless, and a higher number only
        // becomes visible after every lower one, so tailing "seq > last seen" never skips a late commit.
        Create.Table("push_events")
            .WithColumn("seq").AsInt64().PrimaryKey()
            .WithColumn("event_id").AsString(300).NotNullable()
            .WithColumn("type").AsString(64).NotNullable()
            .WithColumn("topic").AsString(32).NotNullable()
            .WithColumn("audience").AsString(int.MaxValue).NotNullable()
            .WithColumn("payload").AsString(int.MaxValue).NotNullable()
            .WithColumn("at_ms").AsInt64().NotNullable()
            .WithColumn("appended_ms").AsInt64().NotNullable();
        Create.Index("ux_push_events_event_id").OnTable("push_events").OnColumn("event_id").Ascending().WithOptions().Unique();
        Create.Index("ix_push_events_appended").OnTable("push_events").OnColumn("appended_ms").Ascending();
    }

    public override void Down()
    {
        Delete.Table("push_events");
    }
}
