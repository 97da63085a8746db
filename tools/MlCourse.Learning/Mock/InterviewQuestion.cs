namespace MlCourse.Learning.Mock;

/// <summary>
/// One question of a week's interview-questions.md: the prompt (the section heading), the model
/// answer (the section up to "**Follow-ups.**"), the follow-ups and the common mistakes.
/// <see cref="Id"/> is "wNN-iqK" for the K-th numbered question of week NN.
/// </summary>
public sealed record InterviewQuestion(
    string Id, int Week, int? Month, string WeekTitle, int Number, string Prompt, bool IsCoding,
    string ModelAnswer, string FollowUps, string CommonMistakes, string Source);
