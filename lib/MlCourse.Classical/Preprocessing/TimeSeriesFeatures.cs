using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Preprocessing;

/// <summary>
/// Lag and rolling-window features of a time series without look-ahead (Week 8, "Time-series features"):
/// the feature of row t uses only values up to t − 1, which is all a forecaster standing at time t has
/// (the value at t is the target). A rolling mean that includes x_t, or a centred window, leaks the answer and
/// gives validation scores that no deployed model can reproduce. Rows without enough history are NaN: drop
/// them (<see cref="FirstCompleteRow"/>) or impute them.
/// </summary>
public static class TimeSeriesFeatures
{
    /// <summary>lag_k[t] = x[t − k] (NaN for t &lt; k).</summary>
    public static Vector<double> Lag(Vector<double> series, int lag)
    {
        Guard.Vector(series, nameof(series));
        Guard.Positive(lag, nameof(lag));
        return Vector<double>.Build.Dense(series.Count, t => t >= lag ? series[t - lag] : double.NaN);
    }

    /// <summary>Mean of the <paramref name="window"/> values before t: x[t − w .. t − 1] (NaN for t &lt; w).</summary>
    public static Vector<double> RollingMean(Vector<double> series, int window)
    {
        Guard.Vector(series, nameof(series));
        Guard.Positive(window, nameof(window));
        var result = new double[series.Count];
        // <snippet name="rolling-mean-no-leak">
        double sum = 0;
        for (int t = 0; t < series.Count; t++)
        {
            // The window ends at t − 1: x[t] is added only after row t has been written.
            result[t] = t >= window ? sum / window : double.NaN;
            sum += series[t];
            if (t >= window) sum -= series[t - window];
        }
        // </snippet>
        return Vector<double>.Build.Dense(result);
    }

    /// <summary>Population standard deviation of x[t − w .. t − 1] (NaN for t &lt; w); window at least 2.</summary>
    public static Vector<double> RollingStd(Vector<double> series, int window)
    {
        Guard.Vector(series, nameof(series));
        Guard.AtLeast(window, 2, nameof(window), "for a standard deviation");
        var result = new double[series.Count];
        for (int t = 0; t < series.Count; t++)
        {
            if (t < window) { result[t] = double.NaN; continue; }
            double mean = 0, squares = 0;
            for (int s = t - window; s < t; s++) mean += series[s];
            mean /= window;
            for (int s = t - window; s < t; s++) squares += (series[s] - mean) * (series[s] - mean);
            result[t] = Math.Sqrt(squares / window);
        }
        return Vector<double>.Build.Dense(result);
    }

    /// <summary>Columns: each lag in <paramref name="lags"/>, then a rolling mean for each window, then a rolling std for each window ≥ 2.</summary>
    public static (Matrix<double> Features, IReadOnlyList<string> Names) Build(Vector<double> series, IReadOnlyList<int> lags, IReadOnlyList<int> windows)
    {
        Guard.Vector(series, nameof(series));
        Guard.NotNull(lags, nameof(lags));
        Guard.NotNull(windows, nameof(windows));
        if (lags.Count + windows.Count == 0) throw new ArgumentException("Ask for at least one lag or window.", nameof(lags));
        var columns = new List<Vector<double>>();
        var names = new List<string>();
        foreach (int k in lags) { columns.Add(Lag(series, k)); names.Add($"lag_{k}"); }
        foreach (int w in windows) { columns.Add(RollingMean(series, w)); names.Add($"mean_{w}"); }
        foreach (int w in windows.Where(w => w >= 2)) { columns.Add(RollingStd(series, w)); names.Add($"std_{w}"); }
        return (Matrix<double>.Build.DenseOfColumnVectors(columns), names);
    }

    /// <summary>The first row with every feature defined: max(lags ∪ windows).</summary>
    public static int FirstCompleteRow(IReadOnlyList<int> lags, IReadOnlyList<int> windows) => lags.Concat(windows).DefaultIfEmpty(0).Max();
}
