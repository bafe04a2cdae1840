namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>Why one row does not fit the table: its index in the request (0-based), the column path and the reason.</summary>
public sealed record RowError(int Row, string Column, string Message);
