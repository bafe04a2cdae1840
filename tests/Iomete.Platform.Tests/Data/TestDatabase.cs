using FluentMigrator;

namespace Iomete.Platform.Tests.Data;

public static class TestDatabase
{
    public const string Service = "testsvc";
}

[Migration(1, "test items")]
[Tags(TestDatabase.Service)]
public sealed class CreateTestItems : Migration
{
    public override void Up() =>
        Create.Table("items")
            .WithColumn("id").AsString(64).PrimaryKey()
            .WithColumn("name").AsString(128).NotNullable().Unique()
            .WithColumn("version").AsInt64().NotNullable();

    public override void Down() => Delete.Table("items");
}
