namespace MlCourse.Learning.Store;

/// <summary>
/// The progress database's schema, as numbered steps. Version N is reached by applying steps 1..N
/// in order; a released step is never edited, only followed by a new one, so an old
/// .course/progress.db always upgrades without losing rows.
/// </summary>
internal static partial class Migrations
{
    public static readonly string[] Steps =
    [
        // 1: quiz answers, Leitner boxes, drill attempts.
        """
        CREATE TABLE quiz_answer (
            id INTEGER PRIMARY KEY,
            question_id TEXT NOT NULL,
            week INTEGER NOT NULL,
            correct INTEGER NOT NULL,
            score REAL NOT NULL,
            answered_at TEXT NOT NULL);
        CREATE INDEX quiz_answer_week ON quiz_answer(week);
        CREATE TABLE leitner (
            question_id TEXT PRIMARY KEY,
            week INTEGER NOT NULL,
            box INTEGER NOT NULL,
            due_at TEXT NOT NULL);
        CREATE TABLE drill_attempt (
            id INTEGER PRIMARY KEY,
            drill TEXT NOT NULL,
            passed INTEGER NOT NULL,
            checks_passed INTEGER NOT NULL,
            checks_total INTEGER NOT NULL,
            seconds_since_start REAL,
            checked_at TEXT NOT NULL);
        """,
        // 2: notebook runs recorded by 'course run'.
        """
        CREATE TABLE notebook_run (
            id INTEGER PRIMARY KEY,
            notebook TEXT NOT NULL,
            succeeded INTEGER NOT NULL,
            seconds REAL NOT NULL,
            ran_at TEXT NOT NULL);
        """,
        // 3: mock interviews ('course mock'): sessions, their answered parts, and the review schedule
        // of interview questions and drills (concept questions use quiz_answer and leitner).
        """
        CREATE TABLE mock_session (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL,
            seed INTEGER NOT NULL,
            scope TEXT NOT NULL,
            planned_parts INTEGER NOT NULL,
            planned_minutes REAL NOT NULL);
        CREATE TABLE mock_part (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES mock_session(id),
            part_index INTEGER NOT NULL,
            kind TEXT NOT NULL,
            item_id TEXT NOT NULL,
            week INTEGER NOT NULL,
            topic TEXT NOT NULL,
            score REAL NOT NULL,
            seconds REAL NOT NULL,
            limit_seconds REAL NOT NULL,
            answered_at TEXT NOT NULL);
        CREATE INDEX mock_part_session ON mock_part(session_id);
        CREATE TABLE mock_review (
            item_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            week INTEGER NOT NULL,
            box INTEGER NOT NULL,
            due_at TEXT NOT NULL);
        """,
    ];

    public static int Latest => Steps.Length;

    /// <summary>The tables steps 1..<paramref name="version"/> create: what a store at that version must hold.</summary>
    public static IReadOnlyList<string> TablesUpTo(int version) =>
        Statements(version).Select(s => CreateTable().Match(s)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The CREATE TABLE and CREATE INDEX statements for one table, to recreate it after it was dropped.</summary>
    public static IReadOnlyList<string> StatementsCreating(string table, int version) =>
        Statements(version).Where(s =>
            CreateTable().Match(s) is { Success: true } t && t.Groups[1].Value == table ||
            CreateIndex().Match(s) is { Success: true } i && i.Groups[1].Value == table).ToList();

    private static IEnumerable<string> Statements(int version) =>
        Steps.Take(Math.Min(version, Steps.Length)).SelectMany(step => step.Split(';')).Select(s => s.Trim()).Where(s => s.Length > 0);

    [System.Text.RegularExpressions.GeneratedRegex(@"^CREATE TABLE (\w+)")]
    private static partial System.Text.RegularExpressions.Regex CreateTable();

    [System.Text.RegularExpressions.GeneratedRegex(@"^CREATE INDEX \w+ ON (\w+)\(")]
    private static partial System.Text.RegularExpressions.Regex CreateIndex();
}
