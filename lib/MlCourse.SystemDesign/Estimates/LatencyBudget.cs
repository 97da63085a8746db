using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>One step of a request's path and the time it may take (a p99 budget, in milliseconds).</summary>
public sealed record LatencyStage(string Name, double Milliseconds);

/// <summary>
/// A request's latency budget: stages that run one after another add up; branches that run in
/// parallel cost as much as the slowest. Adding per-stage p99 budgets is the conservative
/// convention (the sum's p99 is usually lower). Immutable: <see cref="Then"/> and
/// <see cref="InParallel"/> return a new budget, so a learner can branch "what if" variants.
/// Taught in notebooks/interview-prep/system-design (section "Latency budget").
/// <code>
/// var budget = new LatencyBudget(200).Then("network", 30).InParallel("fetch", ("user features", 15), ("candidates", 25)).Then("ranking", 60);
/// budget.TotalMilliseconds  // 115; budget.SlackMilliseconds  // 85
/// </code>
/// </summary>
public sealed class LatencyBudget
{
    private LatencyBudget(double slo, IReadOnlyList<LatencyStage> stages)
    {
        ServiceLevelMilliseconds = slo;
        Stages = stages;
    }

    /// <param name="serviceLevelMilliseconds">The end-to-end objective the stages must fit in (e.g. a p99 of 200 ms).</param>
    public LatencyBudget(double serviceLevelMilliseconds) : this(serviceLevelMilliseconds, [])
    {
        Guard.Positive(serviceLevelMilliseconds, nameof(serviceLevelMilliseconds));
    }

    public double ServiceLevelMilliseconds { get; }

    /// <summary>The stages in request order; a parallel group appears as one stage costing its slowest branch.</summary>
    public IReadOnlyList<LatencyStage> Stages { get; }

    public double TotalMilliseconds => Stages.Sum(s => s.Milliseconds);

    /// <summary>What is left of the objective (negative: over budget).</summary>
    public double SlackMilliseconds => ServiceLevelMilliseconds - TotalMilliseconds;

    public bool Fits => SlackMilliseconds >= 0;

    public LatencyBudget Then(string name, double milliseconds)
    {
        Guard.NotNull(name, nameof(name));
        Guard.NonNegative(milliseconds, nameof(milliseconds));
        return new LatencyBudget(ServiceLevelMilliseconds, [.. Stages, new LatencyStage(name, milliseconds)]);
    }

    /// <summary>Branches that run at the same time: the stage costs the slowest one.</summary>
    public LatencyBudget InParallel(string name, params (string Branch, double Milliseconds)[] branches)
    {
        Guard.NotNull(name, nameof(name));
        Guard.NotNull(branches, nameof(branches));
        Guard.NotEmpty(branches, nameof(branches), "branch");
        foreach (var (branch, ms) in branches) Guard.NonNegative(ms, $"{nameof(branches)}[{branch}]");
        var slowest = branches.MaxBy(b => b.Milliseconds);
        return Then($"{name} (parallel, slowest: {slowest.Branch})", slowest.Milliseconds);
    }
}
