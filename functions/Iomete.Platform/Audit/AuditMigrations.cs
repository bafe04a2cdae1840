using FluentMigrator;

namespace Iomete.Platform.Audit;

[Migration(2026112801, "audit events")]
[Tags(AuditDatabase.Service)]
public sealed class CreateAuditEvents : Migration
{
    public override void Up()
    {
        Create.Table("audit_events")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("ts_ms").AsInt64().NotNullable().Indexed()
            .WithColumn("user_id").AsString(64).Nullable().Indexed()
            .WithColumn("username").AsString(256).Nullable()
            .WithColumn("method").AsString(16).NotNullable()
            .WithColumn("path").AsString(2048).NotNullable()
            .WithColumn("status").AsInt32().NotNullable()
            .WithColumn("success").AsBoolean().NotNullable()
            .WithColumn("domain").AsString(128).Nullable()
            .WithColumn("function").AsString(256).Nullable()
            .WithColumn("client_ip").AsString(64).Nullable();
    }

    public override void Down() => Delete.Table("audit_events");
}

public static class AuditDatabase
{
    public const string Service = "audit";
}
