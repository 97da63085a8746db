using MlCourse.SystemDesign.Estimates;
using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Designs;

/// <summary>One back-of-envelope result: what it is, its value, its unit and how it was computed.</summary>
public sealed record EnvelopeLine(string Quantity, double Value, string Unit, string HowComputed)
{
    /// <summary>The value as an interviewer would say it ("57.9 k req/s").</summary>
    public string Shown => Units.Format(Value, Unit);
}

/// <summary>A line as a table shows it: the value already said with its unit.</summary>
public sealed record EnvelopeRow(string Quantity, string Value, string HowComputed);

/// <summary>
/// The worked numbers of one design, in the order they are derived. Each <see cref="Add"/> returns
/// the value so that later lines are computed from earlier ones, and the table a notebook shows is
/// the same computation a test checks.
/// </summary>
public sealed class Envelope
{
    private readonly List<EnvelopeLine> _lines = [];

    public Envelope(string design)
    {
        Guard.NotBlank(design, nameof(design));
        Design = design;
    }

    public string Design { get; }

    public IReadOnlyList<EnvelopeLine> Lines => _lines;

    /// <summary>The lines for a table (Show.Table(envelope.Rows(), envelope.Design)).</summary>
    public IReadOnlyList<EnvelopeRow> Rows() => _lines.Select(l => new EnvelopeRow(l.Quantity, l.Shown, l.HowComputed)).ToList();

    public double Add(string quantity, double value, string unit, string howComputed)
    {
        Guard.NotBlank(quantity, nameof(quantity));
        if (_lines.Any(l => l.Quantity == quantity))
            throw new ArgumentException($"{Design} already has a line '{quantity}'.", nameof(quantity));
        _lines.Add(new EnvelopeLine(quantity, value, unit, howComputed));
        return value;
    }

    /// <summary>Two lines for a request path: the budget used (stages summed, parallel branches at their slowest) and the slack.</summary>
    public void AddLatency(LatencyBudget budget)
    {
        Guard.NotNull(budget, nameof(budget));
        Add("latency budget used", budget.TotalMilliseconds, "ms", "sum of the stages (parallel branches: the slowest)");
        Add("latency slack", budget.SlackMilliseconds, "ms", $"SLO {budget.ServiceLevelMilliseconds:0} ms − used");
    }

    /// <summary>
    /// Three lines for a GPU-served model: "<paramref name="what"/> GPUs" (peak demand over each GPU's
    /// throughput at the target utilisation), its monthly cost, and the cost per million requests at
    /// the average rate (<paramref name="requests"/> names them: "searches", "questions").
    /// </summary>
    public int AddGpuServing(string what, double peakDemand, double perGpu, double targetUtilization, double gpuHourPrice, double averageQps, string requests)
    {
        var gpus = ServingCost.Replicas(peakDemand, perGpu, targetUtilization);
        Add($"{what} GPUs", gpus, "GPUs", "ceil(peak demand / (throughput per GPU × target utilisation))");
        var monthly = Add($"{what} cost per month", ServingCost.MonthlyCost(gpus, gpuHourPrice), "$", "GPUs × $ per GPU-hour × 730");
        Add($"{what} cost per million {requests}", ServingCost.CostPerMillionRequests(monthly, averageQps), "$", $"monthly cost / {requests} per month × 10^6");
        return gpus;
    }

    /// <summary>The value of the line named <paramref name="quantity"/>.</summary>
    public double this[string quantity] => Line(quantity).Value;

    public EnvelopeLine Line(string quantity) =>
        _lines.FirstOrDefault(l => l.Quantity == quantity)
        ?? throw new KeyNotFoundException($"{Design} has no line '{quantity}'. Its lines: {string.Join("; ", _lines.Select(l => l.Quantity))}.");

    /// <summary>One line as a sentence fragment: "peak QPS = 174 k req/s".</summary>
    public string Say(string quantity) => $"{quantity} = {Line(quantity).Shown}";
}
