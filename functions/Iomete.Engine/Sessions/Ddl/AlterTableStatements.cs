using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions.Statements;
using Iomete.Engine.Sql.Syntax;
using Iomete.Engine.Types;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;
using Syntax = Iomete.Engine.Sql.Syntax;

namespace Iomete.Engine.Sessions.Ddl;

/// <summary>
/// ALTER TABLE as Iceberg metadata commits: schema evolution (add, drop, rename, widen, make nullable) with the
/// library's rules, partition evolution (new default spec), properties, and rename through the catalog.
/// </summary>
internal static class AlterTableStatements
{
    public static async Task<StatementResult> RunAsync(StatementContext context, AlterTableStatement statement, CancellationToken ct)
    {
        var ident = context.Qualify(statement.Name);
        if (statement.Action is RenameTable rename)
        {
            var target = context.Qualify(rename.To.Parts.Count == 1 ? new QualifiedName([ident.Database, rename.To.Parts[0]], rename.To.Span) : rename.To);
            await context.Catalog.RenameTableAsync(ident, target, ct);
            await context.Mirror.ForgetAsync(ident, ct);
            return new StatementResult(StatementKind.AlterTable, null, $"Renamed {ident} to {target}");
        }
        for (var attempt = 0; ; attempt++)
        {
            var table = await context.Mirror.LoadTableAsync(ident, ct) ?? throw new SqlObjectNotFoundException($"Table '{ident}' does not exist");
            var (requirements, updates) = await ChangesAsync(context, table, statement.Action, ct);
            if (updates.Count == 0)
            {
                return new StatementResult(StatementKind.AlterTable, null, $"Table {ident} unchanged");
            }
            try
            {
                await context.Catalog.CommitAsync(ident, requirements, updates, ct);
                await context.Mirror.ForgetAsync(ident, ct);
                return new StatementResult(StatementKind.AlterTable, null, $"Altered table {ident}");
            }
            catch (CatalogCommitConflictException e) when (attempt + 1 >= context.CommitAttempts)
            {
                throw new SqlCommitConflictException($"Table '{ident}' kept changing while it was altered", e);
            }
            catch (CatalogCommitConflictException)
            {
            }
            catch (CatalogRequestException e)
            {
                throw new SqlInvalidException(e.Message, e);
            }
        }
    }

    private static async Task<(List<TableRequirement>, List<TableUpdate>)> ChangesAsync(StatementContext context, CatalogTable table, AlterAction action, CancellationToken ct)
    {
        var metadata = table.Metadata;
        var requirements = new List<TableRequirement>();
        if (metadata.TableUuid is { } uuid)
        {
            requirements.Add(new AssertTableUuid(uuid));
        }
        var updates = new List<TableUpdate>();
        switch (action)
        {
            case AddColumns or DropColumn or RenameColumn or AlterColumnType or SetColumnNullability:
                var schema = await EvolveAsync(context, metadata.CurrentSchema, metadata.LastColumnId, metadata.FormatVersion, action, ct);
                requirements.Add(new AssertCurrentSchemaId(metadata.CurrentSchemaId));
                requirements.Add(new AssertLastAssignedFieldId(metadata.LastColumnId));
                updates.Add(new AddSchema(schema.Schema, schema.LastColumnId));
                updates.Add(new SetCurrentSchema(-1));
                break;
            case SetPartitioning or ResetPartitioning or AddPartitionField or DropPartitionField:
                var terms = NewTerms(metadata, action);
                var spec = PartitionTerms.Build(metadata.CurrentSchema, terms, 0, metadata.LastPartitionId);
                requirements.Add(new AssertDefaultSpecId(metadata.DefaultSpecId));
                requirements.Add(new AssertLastAssignedPartitionId(metadata.LastPartitionId));
                updates.Add(new AddPartitionSpec(spec));
                updates.Add(new SetDefaultSpec(-1));
                break;
            case Syntax.SetProperties set:
                updates.Add(new Iceberg.Commits.SetProperties(set.Properties));
                break;
            case UnsetProperties unset:
                var missing = unset.Keys.Where(k => !metadata.Properties.ContainsKey(k)).ToList();
                if (missing.Count > 0 && !unset.IfExists)
                {
                    throw new SqlInvalidException($"Table '{table.Ident}' has no property '{missing[0]}' (use IF EXISTS)");
                }
                var present = unset.Keys.Where(metadata.Properties.ContainsKey).ToList();
                if (present.Count > 0)
                {
                    updates.Add(new RemoveProperties(present));
                }
                break;
            default:
                throw new SqlInvalidException($"ALTER TABLE {action.GetType().Name} is not supported");
        }
        return (requirements, updates);
    }

    private static async Task<(Schema Schema, int LastColumnId)> EvolveAsync(StatementContext context, Schema current, int lastColumnId, int formatVersion, AlterAction action, CancellationToken ct)
    {
        var update = new UpdateSchema(current, lastColumnId, formatVersion).CaseSensitive(false);
        try
        {
            switch (action)
            {
                case AddColumns add:
                    var probed = await ColumnTypes.ProbeAsync(context, add.Columns, ct);
                    for (var i = 0; i < add.Columns.Count; i++)
                    {
                        var definition = add.Columns[i];
                        var parent = definition.Parent.Count == 0 ? null : string.Join('.', definition.Parent);
                        var path = parent is null ? definition.Name : parent + "." + definition.Name;
                        if (current.FindField(path, caseSensitive: false) is not null)
                        {
                            if (add.IfNotExists)
                            {
                                continue;
                            }
                            throw new SqlInvalidException($"Column '{path}' already exists");
                        }
                        if (definition.NotNull)
                        {
                            throw new SqlInvalidException($"A new column must allow NULL (existing rows have no value for '{path}')");
                        }
                        var nextId = 1_000_000;
                        update.AddColumn(parent, definition.Name, DuckDbTypes.ToIceberg(probed[i].DuckDbType, () => ++nextId), definition.Comment);
                    }
                    break;
                case DropColumn drop:
                    var dropPath = string.Join('.', drop.Path);
                    if (current.FindField(dropPath, caseSensitive: false) is null)
                    {
                        if (drop.IfExists)
                        {
                            return (current, lastColumnId);
                        }
                        throw new SqlObjectNotFoundException($"Column '{dropPath}' does not exist");
                    }
                    update.DeleteColumn(dropPath);
                    break;
                case RenameColumn renameColumn:
                    update.RenameColumn(string.Join('.', renameColumn.Path), renameColumn.NewName);
                    break;
                case AlterColumnType alter:
                    var nextTypeId = 1_000_000;
                    var probe = await ColumnTypes.ProbeAsync(context, [new ColumnDefinition("c", alter.TypeText, false, null, null)], ct);
                    if (DuckDbTypes.ToIceberg(probe[0].DuckDbType, () => ++nextTypeId) is not PrimitiveType primitive)
                    {
                        throw new SqlInvalidException("Only primitive column types can be changed (widened)");
                    }
                    update.UpdateColumn(string.Join('.', alter.Path), primitive);
                    break;
                case SetColumnNullability nullability when !nullability.NotNull:
                    update.MakeColumnOptional(string.Join('.', nullability.Path));
                    break;
                case SetColumnNullability:
                    throw new SqlInvalidException("Iceberg cannot make an existing column NOT NULL (rows written before may hold NULL)");
            }
            var schema = update.Apply();
            return (schema, update.LastColumnId);
        }
        catch (SchemaValidationException e)
        {
            throw new SqlInvalidException(e.Message, e);
        }
        catch (ArgumentException e)
        {
            throw new SqlInvalidException(e.Message, e);
        }
    }

    private static List<PartitionTerm> NewTerms(Iceberg.Metadata.TableMetadata metadata, AlterAction action)
    {
        var schema = metadata.CurrentSchema;
        var existing = metadata.DefaultSpec.Fields
            .Where(f => f.Transform is not Iceberg.Partitioning.VoidTransform)
            .Select(f => new PartitionTerm(TermName(f.Transform), (schema.FindColumnName(f.SourceId) ?? "").Split('.'), Parameter(f.Transform)))
            .ToList();
        switch (action)
        {
            case SetPartitioning set:
                return [.. set.Terms];
            case ResetPartitioning:
                return [];
            case AddPartitionField add:
                if (existing.Contains(add.Term))
                {
                    throw new SqlInvalidException("The table is already partitioned by that field");
                }
                return [.. existing, add.Term];
            case DropPartitionField drop:
                if (!existing.Remove(drop.Term))
                {
                    throw new SqlObjectNotFoundException("The table is not partitioned by that field");
                }
                return existing;
            default:
                return existing;
        }
    }

    private static string TermName(Iceberg.Partitioning.Transform transform) => transform switch
    {
        Iceberg.Partitioning.IdentityTransform => "identity",
        Iceberg.Partitioning.BucketTransform => "bucket",
        Iceberg.Partitioning.TruncateTransform => "truncate",
        Iceberg.Partitioning.YearTransform => "year",
        Iceberg.Partitioning.MonthTransform => "month",
        Iceberg.Partitioning.DayTransform => "day",
        Iceberg.Partitioning.HourTransform => "hour",
        _ => "void",
    };

    private static int? Parameter(Iceberg.Partitioning.Transform transform) => transform switch
    {
        Iceberg.Partitioning.BucketTransform b => b.NumBuckets,
        Iceberg.Partitioning.TruncateTransform t => t.Width,
        _ => null,
    };
}
