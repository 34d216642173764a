namespace Athar.Data.Seeding.National;

/// <summary>
/// The one source of chance in the synthetic data: SplitMix64, written out here rather than
/// <see cref="Random"/> so the same seed gives the same data on every .NET version forever.
/// </summary>
public sealed class SyntheticRandom(ulong seed)
{
    private readonly ulong _seed = seed;
    private ulong _state = seed;

    /// <summary>An independent stream for one part of the data, so adding draws to one step never shifts another.</summary>
    public SyntheticRandom Fork(ulong salt) => new(Mix(_seed ^ Mix(salt + 0x9E3779B97F4A7C15UL)));

    public ulong NextULong() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)((NextULong() >> 33) % (ulong)max);

    /// <summary>Uniform in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Approximately normal (sum of uniforms), clamped: realistic enough for times and sizes.</summary>
    public double Normal(double mean, double sd, double min, double max)
    {
        var z = NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0;
        return Math.Clamp(mean + sd * z * 1.7320508, min, max);
    }

    /// <summary>Pareto-distributed weight ≥ 1: the long tail of organisation sizes and volunteer activity.</summary>
    public double Pareto(double alpha, double cap) => Math.Min(cap, Math.Pow(1.0 - NextDouble(), -1.0 / alpha));

    /// <summary>A UUID version 7 for the given instant with random bits from this stream: time-ordered like the app's own ids.</summary>
    public Guid Guid7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        var r1 = NextULong();
        var r2 = NextULong();
        for (var i = 6; i < 16; i++)
            bytes[i] = (byte)((i < 14 ? r1 : r2) >> (8 * (i % 8)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Draws an index with probability proportional to its weight (cumulative sums and a binary search).</summary>
public sealed class WeightedPicker
{
    private readonly double[] _cumulative;

    public WeightedPicker(IReadOnlyList<double> weights)
    {
        _cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += Math.Max(0, weights[i]);
            _cumulative[i] = sum;
        }
        Total = sum;
    }

    public double Total { get; }
    public int Count => _cumulative.Length;

    public int Pick(SyntheticRandom random)
    {
        if (_cumulative.Length == 0 || Total <= 0)
            return -1;
        var target = random.NextDouble() * Total;
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
