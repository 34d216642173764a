using Xunit.Abstractions;
using Xunit.Sdk;

namespace Athar.ClusterTests;

/// <summary>Marks a test that changes the cluster for good (the standby promoted: no standby left to read from).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsLastAttribute : Attribute;

/// <summary>Runs the tests of a class by name, those marked <see cref="RunsLastAttribute"/> after all the others.</summary>
public sealed class PromotionLast : ITestCaseOrderer
{
    public const string Name = "Athar.ClusterTests.PromotionLast";
    public const string Assembly = "Athar.ClusterTests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases
            .OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(RunsLastAttribute).AssemblyQualifiedName).Any())
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
