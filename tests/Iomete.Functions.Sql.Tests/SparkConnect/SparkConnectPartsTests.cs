using Apache.Arrow;
using Apache.Arrow.Ipc;
using Grpc.Core;
using Iomete.Engine.Sessions;
using Iomete.Functions.Sql.SparkConnect;

namespace Iomete.Functions.Sql.Tests.SparkConnect;

/// <summary>The Spark Connect client's parts on their own: addresses, statement kinds, error mapping, the result sink.</summary>
public sealed class SparkConnectPartsTests
{
    [Theory]
    [InlineData("sc://spark-driver:15002", "spark-driver", 15002, false, null)]
    [InlineData("sc://spark-driver", "spark-driver", 15002, false, null)]
    [InlineData("sc://10.0.0.5:443/;use_ssl=true;token=abc%3D", "10.0.0.5", 443, true, "abc=")]
    [InlineData("sc://[::1]:15003/;user_id=x", "[::1]", 15003, false, null)]
    public void Address_ParsesTheConnectionStringForm(string text, string host, int port, bool tls, string? token)
    {
        var address = SparkConnectAddress.Parse(text);

        Assert.Equal(new SparkConnectAddress(host, port, tls, token), address);
    }

    [Fact]
    public void Address_UsesH2cByDefault_AndHttpsWithTls_AndNeverPrintsTheToken()
    {
        Assert.Equal(new Uri("http://spark:15002"), SparkConnectAddress.Parse("sc://spark").ChannelUri);
        var secure = SparkConnectAddress.Parse("sc://spark:15002/;use_ssl=true;token=secret");
        Assert.Equal(new Uri("https://spark:15002"), secure.ChannelUri);
        Assert.Equal("sc://spark:15002/;use_ssl=true", secure.ToString());
        Assert.Throws<FormatException>(() => SparkConnectAddress.Parse("http://spark:15002"));
    }

    [Theory]
    [InlineData("select 1", true, StatementKind.Query)]
    [InlineData("-- note\n  WITH a AS (SELECT 1) SELECT * FROM a", true, StatementKind.Query)]
    [InlineData("/* x */ (SELECT 1)", true, StatementKind.Query)]
    [InlineData("SHOW TABLES", false, StatementKind.Show)]
    [InlineData("desc t", false, StatementKind.Describe)]
    [InlineData("INSERT OVERWRITE t SELECT 1", false, StatementKind.InsertOverwrite)]
    [InlineData("insert into t values (1)", false, StatementKind.Insert)]
    [InlineData("CREATE TABLE a.b.c AS SELECT 1", false, StatementKind.CreateTableAsSelect)]
    [InlineData("CREATE TABLE db.t (id INT) USING iceberg", false, StatementKind.CreateTable)]
    [InlineData("CREATE OR REPLACE TEMP VIEW v AS SELECT 1", false, StatementKind.CreateView)]
    [InlineData("CREATE NAMESPACE IF NOT EXISTS x", false, StatementKind.CreateDatabase)]
    [InlineData("DROP SCHEMA x CASCADE", false, StatementKind.DropDatabase)]
    [InlineData("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", false, StatementKind.Merge)]
    public void Statements_TellQueriesFromCommands_AndNameTheKind(string sql, bool query, StatementKind kind)
    {
        Assert.Equal(query, SparkStatements.IsQuery(sql));
        Assert.Equal(kind, SparkStatements.Kind(sql));
    }

    [Fact]
    public void Statements_WithoutAKind_AreCommands()
    {
        Assert.False(SparkStatements.IsQuery("SET spark.sql.shuffle.partitions = 4"));
        Assert.Null(SparkStatements.Kind("SET spark.sql.shuffle.partitions = 4"));
        Assert.Null(SparkStatements.Kind("   "));
    }

    [Theory]
    [InlineData(StatusCode.Internal, "[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601", typeof(SqlSyntaxException))]
    [InlineData(StatusCode.Internal, "[TABLE_OR_VIEW_NOT_FOUND] The table or view `x` cannot be found.", typeof(SqlObjectNotFoundException))]
    [InlineData(StatusCode.Internal, "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column cannot be resolved.", typeof(SqlObjectNotFoundException))]
    [InlineData(StatusCode.Internal, "[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table.", typeof(SqlInvalidException))]
    [InlineData(StatusCode.Internal, "[DIVIDE_BY_ZERO] Division by zero.", typeof(SqlExecutionException))]
    [InlineData(StatusCode.PermissionDenied, "not yours", typeof(SqlNotAllowedException))]
    [InlineData(StatusCode.Unavailable, "connection refused", typeof(ComputeUnavailableException))]
    public void Errors_MapSparksErrorClass_ToTheServiceErrors(StatusCode code, string message, Type expected)
    {
        var error = SparkErrorsProbe.Map(new RpcException(new Status(code, message)));

        Assert.IsType(expected, error);
        if (error is SqlException)
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Fact]
    public async Task Sink_StopsExactlyAtTheLimit_AndMarksTruncatedOnlyWhenMoreRowsCame()
    {
        using var exact = new MemoryStream();
        using (var sink = new SparkResultSink(exact, rowLimit: 10))
        {
            await sink.AppendAsync(Batch(0, 10), CancellationToken.None);
            var written = await sink.CompleteAsync(CancellationToken.None);
            Assert.Equal((10L, false), (written!.Rows, written.Truncated));
        }
        using var more = new MemoryStream();
        using (var sink = new SparkResultSink(more, rowLimit: 10))
        {
            await sink.AppendAsync(Batch(0, 10), CancellationToken.None);
            Assert.False(sink.Full);
            await sink.AppendAsync(Batch(10, 5), CancellationToken.None);
            Assert.True(sink.Full);
            var written = await sink.CompleteAsync(CancellationToken.None);
            Assert.Equal((10L, true), (written!.Rows, written.Truncated));
        }
        more.Position = 0;
        using var reader = new ArrowStreamReader(more);
        var values = new List<int>();
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            values.AddRange(((Int32Array)batch.Column(0)).Values.ToArray());
        }
        Assert.Equal(Enumerable.Range(0, 10), values);
    }

    [Fact]
    public async Task Sink_WithNoColumns_WritesNoResult()
    {
        using var output = new MemoryStream();
        using var sink = new SparkResultSink(output, null);

        await sink.AppendAsync(FakeSparkEngine.Ipc(new RecordBatch(new Schema([], null), [], 0)), CancellationToken.None);

        Assert.Null(await sink.CompleteAsync(CancellationToken.None));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Relation_KeepsFieldsOutsideTheSubset_SoAnAnsweredRelationGoesBackAsSparkSentIt()
    {
        // cached_remote_relation = 37 { relation_id = 1 }: a relation kind this subset does not declare.
        using var buffer = new MemoryStream();
        var output = new Google.Protobuf.CodedOutputStream(buffer);
        output.WriteTag(37, Google.Protobuf.WireFormat.WireType.LengthDelimited);
        output.WriteBytes(Google.Protobuf.ByteString.CopyFrom(0x0A, 0x02, (byte)'r', (byte)'1'));
        output.Flush();
        var sent = buffer.ToArray();

        var relation = Iomete.Functions.Sql.SparkConnect.Protocol.Relation.Parser.ParseFrom(sent);

        Assert.Equal(Iomete.Functions.Sql.SparkConnect.Protocol.Relation.RelTypeOneofCase.None, relation.RelTypeCase);
        Assert.Equal(sent, Google.Protobuf.MessageExtensions.ToByteArray(relation));
    }

    private static byte[] Batch(int start, int count) =>
        FakeSparkEngine.Ipc(new RecordBatch.Builder().Append("i", false, new Int32Array.Builder().AppendRange(Enumerable.Range(start, count))).Build());

    private static class SparkErrorsProbe
    {
        public static Exception Map(RpcException ex) => SparkErrors.From(ex, SparkConnectAddress.Parse("sc://spark"));
    }
}
