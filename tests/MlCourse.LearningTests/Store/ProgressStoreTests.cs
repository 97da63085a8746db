using Microsoft.Data.Sqlite;
using MlCourse.Learning.Store;

namespace MlCourse.LearningTests.Store;

public class ProgressStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static string NewPath() => Path.Combine(Directory.CreateTempSubdirectory("mlcourse-store-").FullName, "progress.db");

    private static QuizAnswerRecord Answer(string id, bool correct, int minute = 0) => new(id, 1, correct, correct ? 1 : 0, T0.AddMinutes(minute));

    [Fact]
    public void A_reopened_store_keeps_committed_answers_leitner_state_and_drill_attempts()
    {
        var path = NewPath();
        using (var store = ProgressStore.Open(path))
        {
            store.RecordAnswer(Answer("w01-q01", true), new LeitnerState("w01-q01", 1, 2, T0.AddDays(1)));
            store.RecordDrillAttempt(new DrillAttemptRecord("week-01-linear-regression", true, 7, 7, TimeSpan.FromMinutes(18.5), T0));
        }
        using (var reopened = ProgressStore.Open(path))
        {
            var answer = Assert.Single(reopened.Answers());
            Assert.Equal(Answer("w01-q01", true), answer);
            Assert.Equal(new LeitnerState("w01-q01", 1, 2, T0.AddDays(1)), reopened.Leitner()["w01-q01"]);
            Assert.Equal(TimeSpan.FromMinutes(18.5), Assert.Single(reopened.DrillAttempts()).SinceStart);
            Assert.Equal(Migrations.Latest, reopened.SchemaVersion);
        }
    }

    [Fact]
    public async Task Two_connections_writing_at_once_lose_nothing_and_leave_a_sound_file()
    {
        var path = NewPath();
        ProgressStore.Open(path).Dispose();
        const int perWriter = 150;
        // Each writer has its own connection, as two 'course' processes would; every write is a transaction.
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            using var store = ProgressStore.Open(path);
            for (int i = 0; i < perWriter; i++)
                store.RecordAnswer(Answer($"w01-q{w}{i:000}", i % 2 == 0, i), new LeitnerState($"w01-q{w}{i:000}", 1, 1, T0));
        }));
        await Task.WhenAll(writers);

        using var check = ProgressStore.Open(path);
        Assert.Equal(2 * perWriter, check.Answers().Count);
        Assert.Equal(2 * perWriter, check.Leitner().Count);
        using var raw = new SqliteConnection($"Data Source={path};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", command.ExecuteScalar());
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void An_old_schema_is_upgraded_and_keeps_its_rows()
    {
        var path = NewPath();
        using (var old = ProgressStore.Open(path, schemaVersion: 1))
        {
            Assert.Equal(1, old.SchemaVersion);
            old.RecordAnswer(Answer("w01-q05", false), new LeitnerState("w01-q05", 1, 1, T0));
            // Version 1 has no notebook_run table yet.
            Assert.Throws<DamagedStoreException>(() => old.NotebookRuns());
        }
        using var upgraded = ProgressStore.Open(path);
        Assert.Equal(Migrations.Latest, upgraded.SchemaVersion);
        Assert.Equal("w01-q05", Assert.Single(upgraded.Answers()).QuestionId);
        upgraded.RecordNotebookRun(new NotebookRunRecord("month-1-foundations/week-01-ml-fundamentals/x.ipynb", true, 41.2, T0));
        Assert.Single(upgraded.NotebookRuns());
    }

    [Fact]
    public void A_store_newer_than_the_tool_is_refused_with_a_clear_message()
    {
        var path = NewPath();
        ProgressStore.Open(path).Dispose();
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = $"UPDATE schema_version SET version = {Migrations.Latest + 1};";
            command.ExecuteNonQuery();
        }
        var e = Assert.Throws<InvalidOperationException>(() => ProgressStore.Open(path));
        Assert.Contains("newer than this tool", e.Message);
    }
}
