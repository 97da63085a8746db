using System.Globalization;
using MlCourse.Learning.Store;

namespace MlCourse.Learning.Mock;

/// <summary>A week's or topic's record over every mock part answered: the mean score and how many parts.</summary>
public sealed record Weakness(string Name, double MeanScore, int Parts);

/// <summary>What the learner reads after a round and with 'course mock --report': the round's score, weaknesses, reviews.</summary>
public static class MockReport
{
    /// <summary>Weeks by mean score over all mock parts, weakest first.</summary>
    public static IReadOnlyList<Weakness> ByWeek(IEnumerable<MockPartRecord> parts) =>
        Group(parts, p => $"week {p.Week:00}");

    /// <summary>Topics (quiz topics, interview weeks' titles, drill titles) by mean score, weakest first.</summary>
    public static IReadOnlyList<Weakness> ByTopic(IEnumerable<MockPartRecord> parts) =>
        Group(parts, p => p.Topic);

    private static IReadOnlyList<Weakness> Group(IEnumerable<MockPartRecord> parts, Func<MockPartRecord, string> key) =>
        parts.GroupBy(key)
            .Select(g => new Weakness(g.Key, g.Average(p => p.Score), g.Count()))
            .OrderBy(w => w.MeanScore).ThenByDescending(w => w.Parts).ThenBy(w => w.Name, StringComparer.Ordinal)
            .ToList();

    public static void WriteRound(MockResult result, MockPlan plan, TextWriter output)
    {
        output.WriteLine();
        var mean = result.Answered.Count == 0 ? 0 : result.Answered.Average(a => a.Score);
        var taken = TimeSpan.FromTicks(result.Answered.Sum(a => a.Taken.Ticks));
        output.WriteLine($"Round {result.Status.ToString().ToLowerInvariant()}: {result.Answered.Count} of {plan.Parts.Count} part(s), " +
                         $"mean score {Percent(mean)}, {Durations.Say(taken)} of {Durations.Say(TimeSpan.FromMinutes(plan.TotalMinutes))} planned (seed {plan.Seed}).");
        foreach (var a in result.Answered)
            output.WriteLine($"  {a.Part.Kind.ToString().ToLowerInvariant(),-9} {a.Part.ItemId,-28} {Percent(a.Score),5}  {Durations.Say(a.Taken)}{(a.Taken > a.Part.Limit ? " (over time)" : "")}  review: {When(a)}");
    }

    public static void WriteWeaknesses(IReadOnlyList<MockPartRecord> history, TextWriter output, int top = 5)
    {
        if (history.Count == 0)
        {
            output.WriteLine("No mock parts answered yet.");
            return;
        }
        output.WriteLine($"Weakest weeks over all mocks ({history.Count} part(s)): " +
                         string.Join("; ", ByWeek(history).Take(top).Select(w => $"{w.Name} {Percent(w.MeanScore)} ({w.Parts})")));
        var weakTopics = ByTopic(history).Where(w => w.MeanScore < MockRubric.Solid).Take(top).ToList();
        output.WriteLine(weakTopics.Count == 0
            ? $"No topic below {Percent(MockRubric.Solid)} yet."
            : "Topics to revisit: " + string.Join("; ", weakTopics.Select(w => $"{w.Name} {Percent(w.MeanScore)} ({w.Parts})")));
    }

    /// <summary>Interview questions and drills due for review, and how many quiz questions are due.</summary>
    public static void WriteDue(ProgressStore store, DateTimeOffset now, TextWriter output)
    {
        var dueQuiz = store.Leitner().Values.Count(s => s.DueAt <= now);
        var dueMock = store.MockReviews().Values.Where(r => r.DueAt <= now).OrderBy(r => r.Box).ThenBy(r => r.DueAt).ToList();
        output.WriteLine($"Due now: {dueQuiz} quiz question(s) ('course quiz' or the next mock asks them first)" +
            (dueMock.Count == 0 ? "." : $"; {string.Join(", ", dueMock.Select(r => r.ItemId))} (the next mock picks them first)."));
    }

    private static string When(MockPartResult a) =>
        a.Box == 1 ? "now (box 1)" : $"{a.NextReview.LocalDateTime:yyyy-MM-dd} (box {a.Box})";

    internal static string Percent(double share) => (100 * share).ToString("0", CultureInfo.InvariantCulture) + "%";
}
