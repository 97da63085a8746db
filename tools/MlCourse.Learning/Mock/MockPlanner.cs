using MlCourse.Core.Randomness;
using MlCourse.Learning.Review;
using MlCourse.Learning.Store;

namespace MlCourse.Learning.Mock;

/// <summary>
/// Chooses a round: concept questions (up to half of them due for review, the rest drawn at random),
/// one interview question (a non-coding one when there is one) and one drill, each preferring what is
/// due for review, then what was never tried, then the rest. The same seed, content and review state
/// give the same round.
/// </summary>
public static class MockPlanner
{
    public static readonly TimeSpan ConceptTime = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan InterviewTime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DefaultDrillTime = TimeSpan.FromMinutes(20);

    /// <exception cref="MockScopeException">The week or month has nothing to ask.</exception>
    public static MockPlan Plan(MockContent content, MockOptions options, IReadOnlyDictionary<string, LeitnerState> leitner,
        IReadOnlyDictionary<string, MockReviewState> reviews, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var (inScope, scope) = Scope(content, options);
        var rng = Seeded.Random(options.Seed);
        var notes = new List<string>();

        var concepts = PickConcepts(content.Concepts.Where(q => inScope(q.Week)).ToList(), options.Concepts, leitner, now, rng);
        var interviews = content.Interviews.Where(q => inScope(q.Week)).ToList();
        var talk = interviews.Where(q => !q.IsCoding).ToList();
        var interview = PickOne(talk.Count > 0 ? talk : interviews, q => q.Id, reviews, now, rng);
        var drill = options.IncludeDrill ? PickOne(content.Drills.Where(d => inScope(d.Week)).ToList(), d => d.Drill.Name, reviews, now, rng) : default;

        var parts = new List<MockPart>();
        parts.AddRange(concepts.Select(q => new ConceptPart(q, ConceptTime)));
        if (interview is not null) parts.Add(new InterviewPart(interview, InterviewTime));
        else notes.Add($"No interview questions in {scope} yet: this round has none.");
        if (drill.Drill is not null) parts.Add(new DrillPart(drill.Drill, drill.Week, drill.Drill.TimeBox ?? DefaultDrillTime));
        else if (options.IncludeDrill) notes.Add($"No drill in {scope} yet: this round has none.");
        if (parts.Count == 0) throw new MockScopeException($"There is nothing to ask in {scope}.");
        if (concepts.Count < options.Concepts)
            notes.Add($"{scope} has {concepts.Count} quiz question(s); asked for {options.Concepts}.");

        return new MockPlan(Rescale(parts, options.Minutes), options.Seed, scope, notes);
    }

    private static (Func<int, bool> InScope, string Words) Scope(MockContent content, MockOptions options)
    {
        var weeks = content.Weeks;
        if (options.Week is { } week)
        {
            if (!weeks.Contains(week))
                throw new MockScopeException($"Week {week} has nothing to ask yet. Weeks with questions: {Ranges(weeks)}.");
            return (w => w == week, $"week {week}");
        }
        if (options.Month is { } month)
        {
            if (!content.Months.Contains(month))
                throw new MockScopeException($"Month {month} has nothing to ask yet. Months with questions: {string.Join(", ", content.Months)}.");
            return (w => content.MonthOfWeek.TryGetValue(w, out var m) && m == month, $"month {month}");
        }
        if (weeks.Count == 0) throw new MockScopeException("There are no quiz.json, interview-questions.md or drills in the repository yet.");
        return (_ => true, $"the whole course (weeks {Ranges(weeks)})");
    }

    private static List<BankQuestion> PickConcepts(List<BankQuestion> pool, int count, IReadOnlyDictionary<string, LeitnerState> leitner, DateTimeOffset now, Random rng)
    {
        // Due questions lead (lowest box first, as in 'course quiz'), but at most half the slots, so a
        // mock stays a mix of the course rather than a review session.
        var due = pool.Where(q => leitner.TryGetValue(q.Question.Id, out var s) && s.DueAt <= now)
            .OrderBy(q => leitner[q.Question.Id].Box).ThenBy(q => leitner[q.Question.Id].DueAt)
            .Take((count + 1) / 2).ToList();
        var rest = Shuffle(pool.Except(due).ToList(), rng);
        return [.. due, .. rest.Take(count - due.Count)];
    }

    /// <summary>Due for review first, then never tried, then the rest; random within each group.</summary>
    private static T? PickOne<T>(List<T> pool, Func<T, string> id, IReadOnlyDictionary<string, MockReviewState> reviews, DateTimeOffset now, Random rng)
    {
        var shuffled = Shuffle(pool, rng);
        int Group(T item) => !reviews.TryGetValue(id(item), out var r) ? 1 : r.DueAt <= now ? 0 : 2;
        return shuffled.OrderBy(Group).FirstOrDefault();
    }

    private static List<T> Shuffle<T>(List<T> items, Random rng) => rng.Permutation(items.Count).Select(i => items[i]).ToList();

    /// <summary>Scales every part's time so the round lasts <paramref name="minutes"/>; no part gets less than 30 s.</summary>
    private static List<MockPart> Rescale(List<MockPart> parts, double? minutes)
    {
        if (minutes is not { } total) return parts;
        var factor = total / parts.Sum(p => p.Limit.TotalMinutes);
        return parts.Select(p => p with { Limit = TimeSpan.FromSeconds(Math.Max(30, Math.Round(p.Limit.TotalSeconds * factor))) }).ToList();
    }

    /// <summary>"1-8, 10" for weeks 1..8 and 10.</summary>
    public static string Ranges(IReadOnlyList<int> numbers)
    {
        var parts = new List<string>();
        for (int i = 0; i < numbers.Count; i++)
        {
            int start = numbers[i];
            while (i + 1 < numbers.Count && numbers[i + 1] == numbers[i] + 1) i++;
            parts.Add(start == numbers[i] ? $"{start}" : $"{start}-{numbers[i]}");
        }
        return string.Join(", ", parts);
    }
}
