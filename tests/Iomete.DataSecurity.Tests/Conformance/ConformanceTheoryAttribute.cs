using Xunit.Abstractions;
using Xunit.Sdk;

namespace Iomete.DataSecurity.Tests.Conformance;

/// <summary>
/// A theory whose data rows end with a skip reason (string or null): rows with a reason are reported as skipped
/// with that reason (xunit 2 has no per-row skip otherwise).
/// </summary>
[XunitTestCaseDiscoverer("Iomete.DataSecurity.Tests.Conformance.ConformanceTheoryDiscoverer", "Iomete.DataSecurity.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ConformanceTheoryAttribute : TheoryAttribute;

public sealed class ConformanceTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        if (dataRow.Length > 0 && dataRow[^1] is string reason && reason.Length > 0)
        {
            return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason, dataRow)];
        }
        return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}
