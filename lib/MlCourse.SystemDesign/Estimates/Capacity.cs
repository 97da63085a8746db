using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// How many machines (replicas, shards, GPUs) a demand needs: ceil(demand / (capacity × target utilisation)).
/// Planning below 100% utilisation leaves headroom for spikes, failures and deploys.
/// </summary>
public static class Capacity
{
    // <snippet name="machines-for">
    public static int MachinesFor(double demand, double capacityPerMachine, double targetUtilization)
    {
        Guard.NonNegative(demand, nameof(demand));
        Guard.Positive(capacityPerMachine, nameof(capacityPerMachine));
        Guard.InLeftOpenRange(targetUtilization, 0, 1, nameof(targetUtilization), "a share of peak");
        var machines = Math.Ceiling(demand / (capacityPerMachine * targetUtilization));
        if (machines > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(demand), demand, $"{nameof(demand)} needs {machines:G3} machines of capacity {capacityPerMachine}: more than an int holds; check the units.");
        // At least one: even zero demand is served by something.
        return Math.Max(1, (int)machines);
    }
    // </snippet>
}
