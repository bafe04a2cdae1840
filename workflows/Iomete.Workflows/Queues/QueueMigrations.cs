using FluentMigrator;

namespace Iomete.Workflows.Queues;

[Migration(202611290011, "job run queues per namespace: entries and the weighted round robin turn")]
[Tags(WorkflowsRegistration.Service)]
public sealed class CreateJobQueues : Migration
{
    public override void Up()
    {
        Create.Table("job_queue_entries")
            .WithColumn("run_id").AsString(64).PrimaryKey()
            .WithColumn("domain_id").AsString(63).NotNullable()
            .WithColumn("namespace").AsString(63).NotNullable()
            .WithColumn("priority").AsString(8).NotNullable()
            .WithColumn("job_id").AsString(64).NotNullable()
            .WithColumn("job_name").AsString(256).NotNullable()
            .WithColumn("cpu_millicores").AsInt64().NotNullable()
            .WithColumn("memory_mib").AsInt64().NotNullable()
            .WithColumn("pods").AsInt32().NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("seq").AsInt64().NotNullable()
            .WithColumn("enqueued_ms").AsInt64().NotNullable()
            .WithColumn("head_since_ms").AsInt64().Nullable()
            .WithColumn("head_retries").AsInt32().NotNullable()
            .WithColumn("blocking_resource").AsString(16).Nullable()
            .WithColumn("blocking_message").AsString(1024).Nullable()
            .WithColumn("admitted_ms").AsInt64().Nullable();
        Create.Index("ix_job_queue_entries_namespace").OnTable("job_queue_entries")
            .OnColumn("namespace").Ascending().OnColumn("status").Ascending().OnColumn("seq").Ascending();
        Create.Table("job_queue_turns")
            .WithColumn("namespace").AsString(63).PrimaryKey()
            .WithColumn("high_admitted").AsInt64().NotNullable()
            .WithColumn("normal_admitted").AsInt64().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("job_queue_turns");
        Delete.Table("job_queue_entries");
    }
}
