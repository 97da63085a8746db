using MlCourse.Learning.Store;

namespace MlCourse.Learning.Review;

/// <summary>
/// Leitner boxes for quiz questions. A question starts in box 1; a right answer moves it up one
/// box (at most <see cref="MaxBox"/>), a wrong one sends it back to box 1 and makes it due at once.
/// Box b waits 2^(b−1) days, so well-known questions come back rarely and missed ones soon.
/// </summary>
public static class Leitner
{
    public const int MaxBox = 5;

    public static TimeSpan Interval(int box) => TimeSpan.FromDays(Math.Pow(2, box - 1));

    public static LeitnerState Next(string questionId, int week, LeitnerState? previous, bool correct, DateTimeOffset now)
    {
        if (!correct) return new LeitnerState(questionId, week, 1, now);
        var box = Math.Min((previous?.Box ?? 1) + 1, MaxBox);
        return new LeitnerState(questionId, week, box, now + Interval(box));
    }

    /// <summary>
    /// The order to ask in: due questions (lowest box first, so missed ones lead; then the longest
    /// overdue), then never-asked ones in bank order, then the rest by how soon they fall due.
    /// </summary>
    public static IReadOnlyList<T> Order<T>(IReadOnlyList<T> questions, Func<T, string> id, IReadOnlyDictionary<string, LeitnerState> states, DateTimeOffset now)
    {
        var due = new List<(T Q, LeitnerState S)>();
        var fresh = new List<T>();
        var later = new List<(T Q, LeitnerState S)>();
        foreach (var q in questions)
        {
            if (!states.TryGetValue(id(q), out var s)) fresh.Add(q);
            else if (s.DueAt <= now) due.Add((q, s));
            else later.Add((q, s));
        }
        return due.OrderBy(x => x.S.Box).ThenBy(x => x.S.DueAt).Select(x => x.Q)
            .Concat(fresh)
            .Concat(later.OrderBy(x => x.S.DueAt).Select(x => x.Q))
            .ToList();
    }
}
