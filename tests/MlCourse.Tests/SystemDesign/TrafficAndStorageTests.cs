using MlCourse.SystemDesign.Estimates;

namespace MlCourse.Tests.SystemDesign;

// Expected values are hand-computed closed forms, written next to each assertion.
public class TrafficAndStorageTests
{
    [Fact]
    public void Average_qps_is_daily_requests_over_86_400_seconds()
    {
        // 86.4 M users × 1 request = 86.4 M a day = 1 000 per second.
        Assert.Equal(1_000, Traffic.AverageQps(86_400_000, 1), 9);
        // 500 M × 20 / 86 400 = 115 740.74...
        Assert.Equal(115_740.740740, Traffic.AverageQps(500e6, 20), 5);
    }

    [Fact]
    public void Peak_qps_multiplies_by_the_peak_to_average_ratio_and_refuses_a_ratio_below_one()
    {
        Assert.Equal(2_500, Traffic.PeakQps(1_000, 2.5));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Traffic.PeakQps(1_000, 0.5));
        Assert.Equal("peakToAverage", e.ParamName);
        Assert.Contains("at least 1", e.Message);
    }

    [Fact]
    public void Fan_out_and_littles_law()
    {
        Assert.Equal(500_000, Traffic.FanOut(1_000, 500));
        // 1 000 req/s × 0.05 s in the system = 50 in flight.
        Assert.Equal(50, Traffic.ConcurrentRequests(1_000, 50), 12);
    }

    [Theory]
    [InlineData(-1.0, 1.0, "dailyActiveUsers")]
    [InlineData(double.NaN, 1.0, "dailyActiveUsers")]
    [InlineData(1.0, double.PositiveInfinity, "eventsPerUserPerDay")]
    public void Traffic_errors_name_the_argument(double users, double perUser, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Traffic.EventsPerDay(users, perUser));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Storage_is_records_times_bytes_times_replicas()
    {
        Assert.Equal(3e8, Storage.Bytes(1e6, 100, 3));
        // 1 M records a day × 30 days × 100 B × 3 copies = 9 GB.
        Assert.Equal(9e9, Storage.Retained(1e6, 100, 30, 3));
        // 2 G rows × 32 dims × 4 B = 256 GB.
        Assert.Equal(2.56e11, Storage.EmbeddingTableBytes(2e9, 32, 4));
        Assert.Equal("replicas", Assert.Throws<ArgumentOutOfRangeException>(() => Storage.Bytes(1, 1, 0)).ParamName);
        Assert.Equal("bytesPerRecord", Assert.Throws<ArgumentOutOfRangeException>(() => Storage.Bytes(1, 0)).ParamName);
        Assert.Equal("retentionDays", Assert.Throws<ArgumentOutOfRangeException>(() => Storage.Retained(1, 1, -3)).ParamName);
    }

    [Fact]
    public void Feature_store_online_offline_and_reads()
    {
        // 1 M entities × (16 B key + 100 × 4 B) × 3 replicas = 1 M × 416 × 3.
        Assert.Equal(1.248e9, FeatureStore.OnlineBytes(1e6, 100, 4, 16, 3));
        // One copy per daily snapshot, 30 days.
        Assert.Equal(1.248e10, FeatureStore.OfflineBytes(1e6, 100, 4, 16, 30), 0);
        // 1 000 req/s × 3 entities × 150 features.
        Assert.Equal(450_000, FeatureStore.ReadsPerSecond(1_000, 3, 150));
        Assert.Equal("features", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureStore.OnlineBytes(1, 0, 4, 16, 1)).ParamName);
        Assert.Equal("snapshotDays", Assert.Throws<ArgumentOutOfRangeException>(() => FeatureStore.OfflineBytes(1, 1, 4, 16, 0)).ParamName);
    }

    [Fact]
    public void Human_review_rounds_up_and_an_empty_queue_needs_nobody()
    {
        // 1 M items × 30 s = 30 M s; a reviewer gives 6 h × 3 600 = 21 600 s a day; 1 388.9 → 1 389.
        Assert.Equal(1_389, HumanReview.ReviewersNeeded(1e6, 30, 6));
        Assert.Equal(0, HumanReview.ReviewersNeeded(0, 30, 6));
        Assert.Equal("productiveHoursPerReviewerPerDay", Assert.Throws<ArgumentOutOfRangeException>(() => HumanReview.ReviewersNeeded(1, 30, 25)).ParamName);
    }
}
