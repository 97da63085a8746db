namespace MlCourse.Learning.Store;

public sealed record QuizAnswerRecord(string QuestionId, int Week, bool Correct, double Score, DateTimeOffset AnsweredAt);

public sealed record LeitnerState(string QuestionId, int Week, int Box, DateTimeOffset DueAt);

public sealed record DrillAttemptRecord(string Drill, bool Passed, int ChecksPassed, int ChecksTotal, TimeSpan? SinceStart, DateTimeOffset CheckedAt);

public sealed record NotebookRunRecord(string Notebook, bool Succeeded, double Seconds, DateTimeOffset RanAt);

/// <summary>The reads and writes of each kind of record.</summary>
public sealed partial class ProgressStore
{
    /// <summary>Stores an answer and the question's new Leitner state together.</summary>
    public void RecordAnswer(QuizAnswerRecord answer, LeitnerState state) => Write(t =>
    {
        Execute(_connection, "INSERT INTO quiz_answer (question_id, week, correct, score, answered_at) VALUES ($q, $w, $c, $s, $at);", t,
            ("$q", answer.QuestionId), ("$w", answer.Week), ("$c", answer.Correct ? 1 : 0), ("$s", answer.Score), ("$at", Stamp(answer.AnsweredAt)));
        Execute(_connection, """
            INSERT INTO leitner (question_id, week, box, due_at) VALUES ($q, $w, $b, $due)
            ON CONFLICT(question_id) DO UPDATE SET week = excluded.week, box = excluded.box, due_at = excluded.due_at;
            """, t, ("$q", state.QuestionId), ("$w", state.Week), ("$b", state.Box), ("$due", Stamp(state.DueAt)));
    });

    public IReadOnlyList<QuizAnswerRecord> Answers() =>
        Query("SELECT question_id, week, correct, score, answered_at FROM quiz_answer ORDER BY id;",
            r => new QuizAnswerRecord(r.GetString(0), r.GetInt32(1), r.GetInt32(2) == 1, r.GetDouble(3), ParseStamp(r.GetString(4))));

    public IReadOnlyDictionary<string, LeitnerState> Leitner() =>
        Query("SELECT question_id, week, box, due_at FROM leitner;",
            r => new LeitnerState(r.GetString(0), r.GetInt32(1), r.GetInt32(2), ParseStamp(r.GetString(3))))
        .ToDictionary(s => s.QuestionId, StringComparer.Ordinal);

    public void RecordDrillAttempt(DrillAttemptRecord attempt) => Write(t =>
        Execute(_connection, "INSERT INTO drill_attempt (drill, passed, checks_passed, checks_total, seconds_since_start, checked_at) VALUES ($d, $p, $cp, $ct, $s, $at);", t,
            ("$d", attempt.Drill), ("$p", attempt.Passed ? 1 : 0), ("$cp", attempt.ChecksPassed), ("$ct", attempt.ChecksTotal),
            ("$s", attempt.SinceStart?.TotalSeconds), ("$at", Stamp(attempt.CheckedAt))));

    public IReadOnlyList<DrillAttemptRecord> DrillAttempts() =>
        Query("SELECT drill, passed, checks_passed, checks_total, seconds_since_start, checked_at FROM drill_attempt ORDER BY id;",
            r => new DrillAttemptRecord(r.GetString(0), r.GetInt32(1) == 1, r.GetInt32(2), r.GetInt32(3),
                r.IsDBNull(4) ? null : TimeSpan.FromSeconds(r.GetDouble(4)), ParseStamp(r.GetString(5))));

    public void RecordNotebookRun(NotebookRunRecord run) => Write(t =>
        Execute(_connection, "INSERT INTO notebook_run (notebook, succeeded, seconds, ran_at) VALUES ($n, $s, $sec, $at);", t,
            ("$n", run.Notebook), ("$s", run.Succeeded ? 1 : 0), ("$sec", run.Seconds), ("$at", Stamp(run.RanAt))));

    public IReadOnlyList<NotebookRunRecord> NotebookRuns() =>
        Query("SELECT notebook, succeeded, seconds, ran_at FROM notebook_run ORDER BY id;",
            r => new NotebookRunRecord(r.GetString(0), r.GetInt32(1) == 1, r.GetDouble(2), ParseStamp(r.GetString(3))));
}
