using System.Text;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>
/// The signed hashing trick (Week 8, "Handling high cardinality"): each token ("city=Paris", "user=81723")
/// is hashed to one of <see cref="Buckets"/> columns, with a sign from the same hash. No vocabulary is
/// stored, so unseen tokens need no special case and memory is fixed; the price is collisions, two tokens
/// sharing a column. The sign makes collisions cancel in expectation: E[φ(a)·φ(b)] = 0 for a ≠ b, so inner
/// products (what a linear model computes) are unbiased.
/// </summary>
/// <remarks>
/// Uses MurmurHash3 (x86, 32-bit, seed 0) of the UTF-8 bytes, bucket |h| mod m and sign of h, exactly as
/// scikit-learn's FeatureHasher(input_type="string", alternate_sign=True), so the outputs agree (tested).
/// Stateless: nothing is learned, so there is no Fit.
/// </remarks>
public sealed class FeatureHasher
{
    public FeatureHasher(int buckets = 1 << 20, bool alternateSign = true)
    {
        Guard.Positive(buckets, nameof(buckets));
        Buckets = buckets;
        AlternateSign = alternateSign;
    }

    public int Buckets { get; }
    public bool AlternateSign { get; }

    /// <summary>Column and sign of one token.</summary>
    public (int Bucket, double Sign) Hash(string token)
    {
        Guard.NotNull(token, nameof(token));
        // <snippet name="hashing-trick">
        int h = MurmurHash3(Encoding.UTF8.GetBytes(token), seed: 0);
        // |int.MinValue| overflows; scikit-learn maps it to (2^31 − 1 − (m − 1)) mod m.
        int bucket = h == int.MinValue ? (int)((2147483647L - (Buckets - 1)) % Buckets) : Math.Abs(h) % Buckets;
        double sign = AlternateSign && h < 0 ? -1.0 : 1.0;
        // </snippet>
        return (bucket, sign);
    }

    /// <summary>One row per token list: each token adds its sign to its bucket (count features).</summary>
    public Matrix<double> Transform(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Guard.NotNull(rows, nameof(rows));
        Guard.NotEmpty(rows, nameof(rows), "row");
        var result = Matrix<double>.Build.Sparse(rows.Count, Buckets);
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (var token in rows[i])
            {
                var (bucket, sign) = Hash(token);
                result[i, bucket] += sign;
            }
        }
        return result;
    }

    /// <summary>
    /// The fraction of the distinct tokens that share their bucket with at least one other distinct token.
    /// For n tokens hashed uniformly into m buckets its expectation is 1 − (1 − 1/m)^(n−1).
    /// </summary>
    public double CollisionRate(IEnumerable<string> tokens)
    {
        Guard.NotNull(tokens, nameof(tokens));
        var distinct = tokens.Distinct(StringComparer.Ordinal).ToArray();
        Guard.NotEmpty(distinct, nameof(tokens), "token");
        var perBucket = distinct.GroupBy(t => Hash(t).Bucket).ToArray();
        return perBucket.Where(g => g.Count() > 1).Sum(g => g.Count()) / (double)distinct.Length;
    }

    /// <summary>MurmurHash3_x86_32 (Austin Appleby's public-domain algorithm), as a signed 32-bit integer.</summary>
    public static int MurmurHash3(byte[] data, uint seed)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        uint h = seed;
        int blocks = data.Length / 4;
        for (int b = 0; b < blocks; b++)
        {
            uint k = BitConverter.ToUInt32(data, 4 * b);   // little-endian on every platform .NET supports
            k *= c1; k = (k << 15) | (k >> 17); k *= c2;
            h ^= k; h = (h << 13) | (h >> 19); h = h * 5 + 0xe6546b64;
        }
        uint tail = 0;
        int rest = data.Length & 3, start = 4 * blocks;
        if (rest == 3) tail ^= (uint)data[start + 2] << 16;
        if (rest >= 2) tail ^= (uint)data[start + 1] << 8;
        if (rest >= 1)
        {
            tail ^= data[start];
            tail *= c1; tail = (tail << 15) | (tail >> 17); tail *= c2;
            h ^= tail;
        }
        h ^= (uint)data.Length;
        h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16;
        return unchecked((int)h);
    }
}
