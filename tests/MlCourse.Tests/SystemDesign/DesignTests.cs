using MlCourse.SystemDesign.Designs;

namespace MlCourse.Tests.SystemDesign;

/// <summary>
/// The worked designs' default numbers, recomputed by hand from their assumptions (each comment is
/// the hand computation), so the notebook's tables are the numbers a reader can check on paper.
/// </summary>
public class DesignTests
{
    public static TheoryData<string, Func<Envelope>> AllDesigns => new()
    {
        { "feed", () => RecommendationFeed.Estimate(new FeedAssumptions()) },
        { "search", () => SearchRanking.Estimate(new SearchAssumptions()) },
        { "ads", () => AdsClickPrediction.Estimate(new AdsAssumptions()) },
        { "fraud", () => FraudDetection.Estimate(new FraudAssumptions()) },
        { "moderation", () => ContentModeration.Estimate(new ModerationAssumptions()) },
        { "rag", () => RagAssistant.Estimate(new RagAssumptions()) },
        { "retrieval", () => EmbeddingRetrieval.Estimate(new RetrievalAssumptions()) },
        { "training", () => TrainingAtScale.Estimate(new TrainingAssumptions()) },
        { "latency", () => InferenceLatency.Estimate(new LatencyAssumptions()) },
    };

    [Theory]
    [MemberData(nameof(AllDesigns))]
    public void Every_design_yields_finite_numbers_with_a_unit_and_an_explanation(string name, Func<Envelope> estimate)
    {
        var envelope = estimate();
        Assert.True(envelope.Lines.Count >= 8, $"{name} has only {envelope.Lines.Count} lines");
        foreach (var line in envelope.Lines)
        {
            Assert.True(double.IsFinite(line.Value), $"{name}: {line.Quantity} is {line.Value}");
            Assert.False(string.IsNullOrWhiteSpace(line.HowComputed), $"{name}: {line.Quantity} has no explanation");
        }
    }

    [Fact]
    public void Feed_numbers_match_the_hand_computation()
    {
        var e = RecommendationFeed.Estimate(new FeedAssumptions());
        // 500e6 × 20 / 86 400 = 115 740.74; × 2.5 = 289 351.85; × 500 candidates = 1.4468e8 /s.
        Assert.Equal(500e6 * 20 / 86_400, e["average feed QPS"], 6);
        Assert.Equal(500e6 * 20 / 86_400 * 2.5 * 500, e["candidates scored at peak"], 3);
        // Per GPU: 1e14 × 0.3 / 5e7 = 600 000 candidates/s; 1.4468e8 / (600 000 × 0.6) = 401.9 → 402 GPUs.
        Assert.Equal(600_000, e["candidates per GPU per second"], 6);
        Assert.Equal(402, e["ranking GPUs"]);
        // 402 × $2 × 730 h.
        Assert.Equal(402 * 2 * 730, e["ranking cost per month"], 6);
        // 1e9 users × (16 + 300 × 4) B × 3 = 3.648 TB.
        Assert.Equal(3.648e12, e["online user features"], 0);
        // 40 + max(25, 15, 5) + 20 + 15 + 50 + 10 = 160 of 200 ms.
        Assert.Equal(160, e["latency budget used"]);
        Assert.Equal(40, e["latency slack"]);
    }

    [Fact]
    public void Changing_one_assumption_moves_only_what_depends_on_it()
    {
        var baseline = RecommendationFeed.Estimate(new FeedAssumptions());
        var doubled = RecommendationFeed.Estimate(new FeedAssumptions() with { DailyActiveUsers = 1e9 });
        Assert.Equal(2 * baseline["peak feed QPS"], doubled["peak feed QPS"], 6);
        Assert.Equal(baseline["online user features"], doubled["online user features"]);
        Assert.Equal(baseline["latency budget used"], doubled["latency budget used"]);
    }

    [Fact]
    public void Training_numbers_match_the_hand_computation_and_the_two_routes_to_wall_clock_agree()
    {
        var e = TrainingAtScale.Estimate(new TrainingAssumptions());
        // 6 × 7e9 × 1e12 = 4.2e22 FLOP; / (3e14 × 0.4) / 3 600 = 97 222.2 GPU-hours; / 720 h = 135.03 → 136 GPUs.
        Assert.Equal(4.2e22 / 1.2e14 / 3_600, e["GPU-hours"], 6);
        Assert.Equal(136, e["GPUs to meet the deadline"]);
        // 7e9 × 16 B = 112 GB over 40 GB of each GPU: 3.
        Assert.Equal(3, e["GPUs to shard the state over (FSDP/ZeRO-3)"]);
        // 1e12 / (1 024 × 4 096) = 238 418.6 steps.
        Assert.Equal(1e12 / (1_024.0 * 4_096), e["optimiser steps"], 6);
        Assert.Equal(e["wall clock on those GPUs"], e["check: steps × compute per step"], 9);
        Assert.True(e["wall clock on those GPUs"] <= 30);
    }

    [Fact]
    public void Latency_design_shows_that_speeding_up_the_model_alone_cannot_reach_10x()
    {
        var e = InferenceLatency.Estimate(new LatencyAssumptions());
        // 20 + 30 + 10 + 140 + 10 = 210 ms; the model is 2/3 of it, so at best 3x from the model.
        Assert.Equal(210, e["latency now"]);
        Assert.Equal(3, e["best speed-up from the model alone"], 9);
        // After: 8 + 3 + 2 + 140 / 6 + 10 = 46.33 ms; with half the requests hitting a 2 ms cache: 24.17 ms mean.
        Assert.Equal(23 + 140.0 / 6, e["latency after every lever (cache miss)"], 9);
        Assert.Equal(0.5 * 2 + 0.5 * (23 + 140.0 / 6), e["mean latency with the cache"], 9);
        // The cache does not move p99 at a 50% hit rate.
        Assert.Equal(e["latency after every lever (cache miss)"], e["p99 after (misses set it unless ≥ 99% hit)"]);
    }

    [Fact]
    public void Rag_prefill_is_part_of_the_time_to_first_token()
    {
        var a = new RagAssumptions();
        var e = RagAssistant.Estimate(a);
        // 2 × 8e9 × 4 000 / (3e14 × 0.5) = 0.4267 s.
        Assert.Equal(426.666666, e["prefill time"], 5);
        Assert.Contains(RagAssistant.Budget(a).Stages, s => s.Name == "LLM prefill" && Math.Abs(s.Milliseconds - 426.666666) < 1e-5);
        // 50 + 30 + max(30, 25) + 80 + 10 + 426.67 + 100 = 726.67 ms; + 400 tokens × 8 ms.
        Assert.Equal(726.666666, e["latency budget used"], 5);
        Assert.Equal(726.666666 + 400 * 8, e["full answer time"], 5);
    }

    [Fact]
    public void Retrieval_memory_and_shards_match_the_hand_computation()
    {
        var e = EmbeddingRetrieval.Estimate(new RetrievalAssumptions());
        // 1e9 × 256 × 4 = 1.024 TB raw; + 1e9 × 64 × 4 = 256 GB links; / (512 GB × 0.7) = 3.57 → 4 shards.
        Assert.Equal(4, e["shards: HNSW over raw vectors"]);
        // PQ: 32 GB, one host.
        Assert.Equal(1, e["shards: IVF-PQ"]);
        // 2 × 1e9 × 256 / (2 × 20 000 × 256) = 50 000 times less work.
        Assert.Equal(50_000, e["work saved by ANN"], 9);
    }

    [Theory]
    [InlineData(-5.0)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void A_bad_assumption_is_reported_by_its_own_name(double users)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RecommendationFeed.Estimate(new FeedAssumptions { DailyActiveUsers = users }));
        Assert.Contains("FeedAssumptions.DailyActiveUsers must be a positive finite number", error.Message);
    }

    [Fact]
    public void Shares_and_utilisations_must_be_fractions()
    {
        var share = Assert.Throws<ArgumentOutOfRangeException>(() => FraudDetection.Estimate(new FraudAssumptions { FraudRate = 1.5 }));
        Assert.Contains("FraudAssumptions.FraudRate is a share and must be between 0 and 1", share.Message);
        var utilisation = Assert.Throws<ArgumentOutOfRangeException>(() => TrainingAtScale.Estimate(new TrainingAssumptions { ModelFlopsUtilization = 40 }));
        Assert.Contains("TrainingAssumptions.ModelFlopsUtilization is a share of peak", utilisation.Message);
        // A share of zero is allowed (no cache at all).
        Assert.Equal(0, InferenceLatency.Estimate(new LatencyAssumptions { CacheHitRate = 0 })["mean speed-up"] - 210 / (23 + 140.0 / 6), 9);
    }

    [Fact]
    public void Asking_for_a_line_that_does_not_exist_lists_the_lines_there_are()
    {
        var e = SearchRanking.Estimate(new SearchAssumptions());
        var error = Assert.Throws<KeyNotFoundException>(() => e["peak qps"]);
        Assert.Contains("peak search QPS", error.Message);
    }

    [Fact]
    public void Rows_show_the_values_with_their_units_and_the_assumptions_by_name()
    {
        var e = RecommendationFeed.Estimate(new FeedAssumptions());
        var peak = e.Rows().Single(r => r.Quantity == "peak feed QPS");
        // 289 351.85 req/s said with three significant digits.
        Assert.Equal("289 k req/s", peak.Value);
        var assumptions = Assumptions.Rows(new FeedAssumptions { DailyActiveUsers = 1.5e9 });
        Assert.Equal(new AssumptionRow("DailyActiveUsers", "1,500,000,000"), assumptions[0]);
        Assert.Contains(new AssumptionRow("ServingUtilization", "0.3"), assumptions);
    }
}
