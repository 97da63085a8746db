using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// Requests per second from users and their actions: the first number of every design.
/// Taught in notebooks/interview-prep/system-design (section "Traffic").
/// </summary>
public static class Traffic
{
    public const double SecondsPerDay = 86_400;

    /// <summary>Events per day: daily active users × events each user causes per day.</summary>
    public static double EventsPerDay(double dailyActiveUsers, double eventsPerUserPerDay)
    {
        Guard.NonNegative(dailyActiveUsers, nameof(dailyActiveUsers));
        Guard.NonNegative(eventsPerUserPerDay, nameof(eventsPerUserPerDay));
        return dailyActiveUsers * eventsPerUserPerDay;
    }

    /// <summary>Average requests per second: DAU × requests per user per day / 86 400.</summary>
    public static double AverageQps(double dailyActiveUsers, double requestsPerUserPerDay) =>
        EventsPerDay(dailyActiveUsers, requestsPerUserPerDay) / SecondsPerDay;

    /// <summary>
    /// The rate to provision for: the average times the peak-to-average ratio (traffic follows the
    /// day; a ratio of 2-3 is a common planning assumption, launches and events go higher).
    /// </summary>
    public static double PeakQps(double averageQps, double peakToAverage)
    {
        Guard.NonNegative(averageQps, nameof(averageQps));
        Guard.Finite(peakToAverage, nameof(peakToAverage));
        if (peakToAverage < 1)
            throw new ArgumentOutOfRangeException(nameof(peakToAverage), peakToAverage,
                $"{nameof(peakToAverage)} must be at least 1 (the peak is never below the average), but is {peakToAverage}.");
        return averageQps * peakToAverage;
    }

    /// <summary>Work items per second when each request fans out to <paramref name="itemsPerRequest"/> (candidates scored, shards queried).</summary>
    public static double FanOut(double qps, double itemsPerRequest)
    {
        Guard.NonNegative(qps, nameof(qps));
        Guard.NonNegative(itemsPerRequest, nameof(itemsPerRequest));
        return qps * itemsPerRequest;
    }

    /// <summary>Little's law: requests in flight = arrival rate × time each spends in the system.</summary>
    public static double ConcurrentRequests(double qps, double latencyMilliseconds)
    {
        Guard.NonNegative(qps, nameof(qps));
        Guard.NonNegative(latencyMilliseconds, nameof(latencyMilliseconds));
        return qps * latencyMilliseconds / 1000;
    }
}
