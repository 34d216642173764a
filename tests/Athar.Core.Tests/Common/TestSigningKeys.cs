using Athar.Core.Common;

namespace Athar.Core.Tests.Common;

/// <summary>Three fixed keys for rotation tests: the unnamed key from before key ids, then k1 and k2.</summary>
internal static class TestSigningKeys
{
    public static readonly SigningKey Unnamed = new("", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly SigningKey First = new("k1", Enumerable.Range(40, 32).Select(i => (byte)i).ToArray());
    public static readonly SigningKey Second = new("k2", Enumerable.Range(80, 32).Select(i => (byte)i).ToArray());
}
