namespace MlCourse.Learning.Store;

/// <summary>How a mock ended: every part answered, stopped by the learner (q or end of input), or cut off (Ctrl-C, a crash: never marked ended).</summary>
public enum MockStatus { InProgress, Finished, Stopped, Interrupted }

public sealed record MockSessionRecord(long Id, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, MockStatus Status, int Seed, string Scope, int PlannedParts, double PlannedMinutes);

/// <summary>One answered part of a mock; <see cref="Score"/> is in [0, 1].</summary>
public sealed record MockPartRecord(long SessionId, int PartIndex, string Kind, string ItemId, int Week, string Topic, double Score,
    TimeSpan Taken, TimeSpan Limit, DateTimeOffset AnsweredAt);

/// <summary>The review schedule of an interview question or drill, kept in Leitner boxes like quiz questions.</summary>
public sealed record MockReviewState(string ItemId, string Kind, int Week, int Box, DateTimeOffset DueAt);

/// <summary>The reads and writes of mock interviews.</summary>
public sealed partial class ProgressStore
{
    /// <summary>Creates the session row first, so that a mock cut off after its first answer is still on record.</summary>
    public long StartMock(DateTimeOffset startedAt, int seed, string scope, int plannedParts, double plannedMinutes)
    {
        long id = 0;
        Write(t =>
        {
            Execute(_connection, "INSERT INTO mock_session (started_at, status, seed, scope, planned_parts, planned_minutes) VALUES ($at, $st, $seed, $scope, $parts, $min);", t,
                ("$at", Stamp(startedAt)), ("$st", MockStatus.InProgress.ToString()), ("$seed", seed), ("$scope", scope), ("$parts", plannedParts), ("$min", plannedMinutes));
            using var command = _connection.CreateCommand();
            command.Transaction = t;
            command.CommandText = "SELECT last_insert_rowid();";
            id = (long)command.ExecuteScalar()!;
        });
        return id;
    }

    /// <summary>Marks the session ended; a session already ended keeps its first ending (a late Ctrl-C does not rewrite "Finished").</summary>
    public void EndMock(long sessionId, MockStatus status, DateTimeOffset endedAt) => Write(t =>
        Execute(_connection, "UPDATE mock_session SET status = $st, ended_at = $at WHERE id = $id AND ended_at IS NULL;", t,
            ("$st", status.ToString()), ("$at", Stamp(endedAt)), ("$id", sessionId)));

    /// <summary>Stores a part and, when given, the item's next review state, in one transaction.</summary>
    public void RecordMockPart(MockPartRecord part, MockReviewState? review) => Write(t =>
    {
        Execute(_connection, """
            INSERT INTO mock_part (session_id, part_index, kind, item_id, week, topic, score, seconds, limit_seconds, answered_at)
            VALUES ($s, $i, $k, $item, $w, $topic, $score, $sec, $limit, $at);
            """, t,
            ("$s", part.SessionId), ("$i", part.PartIndex), ("$k", part.Kind), ("$item", part.ItemId), ("$w", part.Week), ("$topic", part.Topic),
            ("$score", part.Score), ("$sec", part.Taken.TotalSeconds), ("$limit", part.Limit.TotalSeconds), ("$at", Stamp(part.AnsweredAt)));
        if (review is not null)
            Execute(_connection, """
                INSERT INTO mock_review (item_id, kind, week, box, due_at) VALUES ($item, $k, $w, $b, $due)
                ON CONFLICT(item_id) DO UPDATE SET kind = excluded.kind, week = excluded.week, box = excluded.box, due_at = excluded.due_at;
                """, t, ("$item", review.ItemId), ("$k", review.Kind), ("$w", review.Week), ("$b", review.Box), ("$due", Stamp(review.DueAt)));
    });

    public IReadOnlyList<MockSessionRecord> MockSessions() =>
        Query("SELECT id, started_at, ended_at, status, seed, scope, planned_parts, planned_minutes FROM mock_session ORDER BY id;",
            r => new MockSessionRecord(r.GetInt64(0), ParseStamp(r.GetString(1)), r.IsDBNull(2) ? null : ParseStamp(r.GetString(2)),
                Enum.Parse<MockStatus>(r.GetString(3)), r.GetInt32(4), r.GetString(5), r.GetInt32(6), r.GetDouble(7)));

    public IReadOnlyList<MockPartRecord> MockParts() =>
        Query("SELECT session_id, part_index, kind, item_id, week, topic, score, seconds, limit_seconds, answered_at FROM mock_part ORDER BY id;",
            r => new MockPartRecord(r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetDouble(6),
                TimeSpan.FromSeconds(r.GetDouble(7)), TimeSpan.FromSeconds(r.GetDouble(8)), ParseStamp(r.GetString(9))));

    public IReadOnlyDictionary<string, MockReviewState> MockReviews() =>
        Query("SELECT item_id, kind, week, box, due_at FROM mock_review;",
            r => new MockReviewState(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), ParseStamp(r.GetString(4))))
        .ToDictionary(s => s.ItemId, StringComparer.Ordinal);
}
