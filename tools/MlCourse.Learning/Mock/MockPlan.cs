using MlCourse.Learning.Drills;
using MlCourse.Learning.Review;

namespace MlCourse.Learning.Mock;

public enum MockPartKind { Concept, Interview, Drill }

/// <summary>One timed part of a mock round; <see cref="ItemId"/> is the quiz question id, "wNN-iqK" or the drill name.</summary>
public abstract record MockPart(MockPartKind Kind, string ItemId, int Week, string Topic, TimeSpan Limit);

public sealed record ConceptPart(BankQuestion Question, TimeSpan Limit)
    : MockPart(MockPartKind.Concept, Question.Question.Id, Question.Week, Question.Question.Topic, Limit);

public sealed record InterviewPart(InterviewQuestion Question, TimeSpan Limit)
    : MockPart(MockPartKind.Interview, Question.Id, Question.Week, Question.WeekTitle, Limit);

public sealed record DrillPart(Drill Drill, int Week, TimeSpan Limit)
    : MockPart(MockPartKind.Drill, Drill.Name, Week, Drill.Title, Limit);

/// <summary>A planned round: its parts in order, the seed that chose them (to replay it) and the scope in words.</summary>
public sealed record MockPlan(IReadOnlyList<MockPart> Parts, int Seed, string Scope, IReadOnlyList<string> Notes)
{
    public double TotalMinutes => Parts.Sum(p => p.Limit.TotalMinutes);
}

/// <summary>
/// What the learner asked for. <see cref="Minutes"/> (optional) rescales the parts' default times
/// (2 min a concept question, 15 min the interview question, the drill's own time box) to that total.
/// </summary>
public sealed record MockOptions(int? Week = null, int? Month = null, double? Minutes = null, int Seed = 0, int Concepts = 5, bool IncludeDrill = true);

/// <summary>The round cannot be planned as asked (no content for the week or month): a message for the learner.</summary>
public sealed class MockScopeException(string message) : Exception(message);
