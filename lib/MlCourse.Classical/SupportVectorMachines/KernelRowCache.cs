using System.Runtime.CompilerServices;
using MlCourse.Classical.SupportVectorMachines.Kernels;

namespace MlCourse.Classical.SupportVectorMachines;

/// <summary>
/// Rows of Q (Q_ij = y_i y_j k(x_i, x_j)) computed on demand and kept in a least-recently-used cache of
/// fixed size (Week 6, "SMO: making it fast"). SMO touches two rows per iteration and keeps coming back
/// to the same few support vectors, so most requests hit the cache; the full n×n matrix is never needed
/// (libsvm does the same; its default cache is 200 MB, here too).
/// </summary>
internal sealed class KernelRowCache
{
    private readonly double[][] _x;
    private readonly double[] _y;
    private readonly Kernel _kernel;
    private readonly int _capacity;
    private readonly double[]? _squaredNorms;
    private readonly Dictionary<int, LinkedListNode<(int Index, double[] Row)>> _map = new();
    private readonly LinkedList<(int Index, double[] Row)> _lru = new();   // most recently used first

    public KernelRowCache(double[][] x, double[] y, Kernel kernel, double cacheMegabytes)
    {
        _x = x;
        _y = y;
        _kernel = kernel;
        long rowBytes = 8L * x.Length;
        // At least two rows: one SMO step needs Q_i and Q_j at the same time.
        _capacity = (int)Math.Clamp((long)(cacheMegabytes * 1024 * 1024) / rowBytes, 2, x.Length);
        if (kernel is RbfKernel) _squaredNorms = x.Select(r => Kernel.Dot(r, r)).ToArray();
        Diagonal = new double[x.Length];
        for (int i = 0; i < x.Length; i++) Diagonal[i] = kernel.Compute(x[i], x[i]);   // y_i² = 1
    }

    /// <summary>Q_ii = k(x_i, x_i).</summary>
    public double[] Diagonal { get; }
    public int Hits { get; private set; }
    public int Misses { get; private set; }
    public int Capacity => _capacity;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Row(int i)
    {
        if (_map.TryGetValue(i, out var node))
        {
            Hits++;
            _lru.Remove(node);
            _lru.AddFirst(node);
            return node.Value.Row;
        }
        Misses++;
        double[] row;
        if (_map.Count >= _capacity)
        {
            var last = _lru.Last!;   // evict the least recently used row and reuse its array
            _lru.RemoveLast();
            _map.Remove(last.Value.Index);
            row = last.Value.Row;
        }
        else row = new double[_x.Length];
        var xi = _x[i];
        double yi = _y[i];
        if (_kernel is RbfKernel rbf)
        {
            // ‖a − b‖² = ‖a‖² + ‖b‖² − 2aᵀb: one SIMD dot product per entry instead of a subtraction loop (libsvm does the same).
            double gamma = rbf.Gamma, ni = _squaredNorms![i];
            for (int j = 0; j < row.Length; j++)
                row[j] = yi * _y[j] * Math.Exp(-gamma * (ni + _squaredNorms[j] - 2 * Kernel.Dot(xi, _x[j])));
        }
        else
            for (int j = 0; j < row.Length; j++) row[j] = yi * _y[j] * _kernel.Compute(xi, _x[j]);
        _map[i] = _lru.AddFirst((i, row));
        return row;
    }
}
