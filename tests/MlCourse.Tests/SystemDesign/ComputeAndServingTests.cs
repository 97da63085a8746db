using MlCourse.SystemDesign.Estimates;

namespace MlCourse.Tests.SystemDesign;

public class ComputeAndServingTests
{
    [Fact]
    public void Training_flops_are_six_n_d()
    {
        // 6 × 7e9 × 1e12 = 4.2e22.
        Assert.Equal(4.2e22, TrainingCompute.TrainingFlops(7e9, 1e12), tolerance: 4.2e22 * 1e-12);
        Assert.Equal(1.6e10, TrainingCompute.InferenceFlopsPerToken(8e9));
    }

    [Fact]
    public void Six_n_d_agrees_with_counting_the_matrix_products_of_dense_layers()
    {
        // Independent count: a dense layer in → out on a batch of B rows costs 2·B·in·out for the
        // forward product Y = XW, and as much again for each backward product (dX = dY·Wᵀ, dW = Xᵀ·dY).
        int[] widths = [512, 2048, 2048, 512];
        const int batch = 64;
        double counted = 0, parameters = 0;
        for (int l = 0; l + 1 < widths.Length; l++)
        {
            double inW = widths[l], outW = widths[l + 1];
            counted += 2 * batch * inW * outW      // forward
                     + 2 * batch * outW * inW      // dX
                     + 2 * inW * batch * outW;     // dW
            parameters += inW * outW;
        }
        Assert.Equal(counted, TrainingCompute.TrainingFlops(parameters, batch), 0);
    }

    [Fact]
    public void Gpu_hours_divide_by_peak_times_utilisation()
    {
        // 3.6e18 FLOP at 1e15 FLOP/s is 3 600 s = 1 h; at half utilisation, 2 h.
        Assert.Equal(1, TrainingCompute.GpuHours(3.6e18, 1e15, 1), 12);
        Assert.Equal(2, TrainingCompute.GpuHours(3.6e18, 1e15, 0.5), 12);
        Assert.Equal(0.25, TrainingCompute.WallClockHours(3.6e18, 4, 1e15, 1), 12);
        Assert.Equal("utilization", Assert.Throws<ArgumentOutOfRangeException>(() => TrainingCompute.GpuHours(1, 1, 1.2)).ParamName);
        Assert.Equal("utilization", Assert.Throws<ArgumentOutOfRangeException>(() => TrainingCompute.GpuHours(1, 1, 0)).ParamName);
    }

    [Fact]
    public void Gpus_for_a_deadline_round_up()
    {
        // 100 GPU-hours in 10 h: exactly 10 GPUs; 101 GPU-hours: 11 (10 would miss the deadline).
        Assert.Equal(10, TrainingCompute.GpusForDeadline(3.6e20, 1e15, 1, 10));
        Assert.Equal(11, TrainingCompute.GpusForDeadline(3.636e20, 1e15, 1, 10));
        Assert.Equal("deadlineHours", Assert.Throws<ArgumentOutOfRangeException>(() => TrainingCompute.GpusForDeadline(1, 1, 1, 0)).ParamName);
    }

    [Fact]
    public void Training_state_and_the_gpus_to_shard_it_over()
    {
        // 7e9 × 16 B = 112 GB; 80 GB GPUs with half for state hold 40 GB each: ceil(2.8) = 3.
        Assert.Equal(1.12e11, TrainingCompute.TrainingStateBytes(7e9));
        Assert.Equal(3, TrainingCompute.GpusToHoldState(1.12e11, 80e9, 0.5));
    }

    [Fact]
    public void Ring_all_reduce_sends_two_times_n_minus_one_over_n_of_the_gradient()
    {
        // 4 GPUs: 2 × 3/4 × 1 GB = 1.5 GB each; at 1 GB/s, 1.5 s. One GPU sends nothing.
        Assert.Equal(1.5e9, TrainingCompute.RingAllReduceBytesPerGpu(1e9, 4), 0);
        Assert.Equal(0, TrainingCompute.RingAllReduceBytesPerGpu(1e9, 1));
        Assert.Equal(1.5, TrainingCompute.AllReduceSeconds(1e9, 4, 1e9), 12);
        Assert.Equal(1e6, TrainingCompute.Steps(1e12, 1_000, 1_000), 6);
    }

    [Fact]
    public void Machines_round_up_with_headroom_and_never_go_below_one()
    {
        // 1 000 / (100 × 0.5) = 20 exactly; 1 001 needs 20.02 → 21.
        Assert.Equal(20, Capacity.MachinesFor(1_000, 100, 0.5));
        Assert.Equal(21, Capacity.MachinesFor(1_001, 100, 0.5));
        Assert.Equal(1, Capacity.MachinesFor(0, 100, 0.5));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Capacity.MachinesFor(1, 1, 0));
        Assert.Equal("targetUtilization", e.ParamName);
        Assert.Contains("above 0 and at most 1", e.Message);
    }

    [Fact]
    public void Serving_throughput_replicas_and_cost()
    {
        // Batches of 32 every 40 ms: 800 req/s.
        Assert.Equal(800, ServingCost.ThroughputPerReplica(32, 40), 9);
        // 1e14 × 0.5 / 1e9 = 50 000 req/s.
        Assert.Equal(50_000, ServingCost.ThroughputFromFlops(1e14, 0.5, 1e9), 9);
        // 10 000 / (800 × 0.5) = 25 replicas; 25 × $2 × 730 h = $36 500 a month.
        Assert.Equal(25, ServingCost.Replicas(10_000, 800, 0.5));
        Assert.Equal(36_500, ServingCost.MonthlyCost(25, 2), 9);
        // $36 500 / (10 000 req/s × 730 h × 3 600 s) × 1e6 = $1.3889 per million.
        Assert.Equal(36_500e6 / (10_000 * 730.0 * 3_600), ServingCost.CostPerMillionRequests(36_500, 10_000), 12);
        Assert.Equal(1.3889, ServingCost.CostPerMillionRequests(36_500, 10_000), 4);
    }

    [Fact]
    public void Vector_index_memory_and_search_cost()
    {
        Assert.Equal(1.024e12, VectorIndex.FlatBytes(1e9, 256, 4));
        Assert.Equal(3.2e10, VectorIndex.ProductQuantizedBytes(1e9, 32));
        Assert.Equal(1.6e10, VectorIndex.ProductQuantizedBytes(1e9, 32, bitsPerCode: 4));
        // 2 × M = 64 ids of 4 B per vector.
        Assert.Equal(2.56e11, VectorIndex.HnswLinkBytes(1e9, 32));
        Assert.Equal(2e8, VectorIndex.BruteForceFlopsPerQuery(1e6, 100));
        // 1.28 TB / (512 GB × 0.7) = 3.57 → 4 shards.
        Assert.Equal(4, VectorIndex.Shards(1.28e12, 512e9, 0.7));
        Assert.Equal("bitsPerCode", Assert.Throws<ArgumentOutOfRangeException>(() => VectorIndex.ProductQuantizedBytes(1, 1, 0)).ParamName);
    }

    [Fact]
    public void Llm_serving_prefill_decode_and_kv_cache()
    {
        // 2 × 8e9 × (4 000 + 400) = 7.04e13.
        Assert.Equal(7.04e13, LlmServing.FlopsPerRequest(8e9, 4_000, 400), tolerance: 7.04e13 * 1e-12);
        // 2 × 8e9 × 4 000 / (3e14 × 0.5) s = 6.4e13 / 1.5e14 s = 426.67 ms.
        Assert.Equal(6.4e13 / 1.5e14 * 1_000, LlmServing.PrefillMilliseconds(8e9, 4_000, 300e12, 0.5), 9);
        // 16 GB of weights read at 2 TB/s: 8 ms per step.
        Assert.Equal(8, LlmServing.DecodeMillisecondsPerToken(8e9, 2, 2e12), 12);
        // 2 × 32 layers × 1 024 × 4 096 tokens × 2 B = 512 MiB.
        Assert.Equal(536_870_912, LlmServing.KvCacheBytes(32, 1_024, 4_096, 2));
    }
}
