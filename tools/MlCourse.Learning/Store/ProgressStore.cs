using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MlCourse.Learning.Store;

/// <summary>
/// The learner's progress in SQLite (.course/progress.db, git-ignored): quiz answers and Leitner
/// boxes, drill attempts, notebook runs. Every write is one transaction; WAL mode and a busy
/// timeout let two 'course' commands at once (a quiz in one terminal, a drill check in another)
/// wait for each other instead of failing or corrupting the file.
/// </summary>
public sealed partial class ProgressStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private ProgressStore(SqliteConnection connection) => _connection = connection;

    public static string DefaultPath(string repositoryRoot) => Path.Combine(repositoryRoot, ".course", "progress.db");

    /// <summary>Opens (creating if needed) the store and upgrades its schema to <see cref="Migrations.Latest"/>.</summary>
    public static ProgressStore Open(string path) => Open(path, Migrations.Latest);

    internal static ProgressStore Open(string path, int schemaVersion)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            // A pooled connection keeps the file open after Dispose; the CLI opens one per command anyway.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        try
        {
            Execute(connection, "PRAGMA busy_timeout = 10000;");
            // WAL: readers never block the writer and a crash mid-write leaves the last commit intact.
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Migrate(connection, schemaVersion);
            return new ProgressStore(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public int SchemaVersion => ReadVersion(_connection);

    private static void Migrate(SqliteConnection connection, int target)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        for (int next = ReadVersion(connection) + 1; next <= target; next++)
        {
            // BEGIN IMMEDIATE takes the write lock first, so of two processes upgrading at once the
            // second sees the new version and skips the step instead of applying it twice.
            using var transaction = connection.BeginTransaction(deferred: false);
            if (ReadVersion(connection, transaction) >= next) continue;
            Execute(connection, Migrations.Steps[next - 1], transaction);
            Execute(connection, "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ($v);", transaction, ("$v", next));
            transaction.Commit();
        }
        var found = ReadVersion(connection);
        if (found > Migrations.Latest)
            throw new InvalidOperationException($"The progress database has schema version {found}, newer than this tool's {Migrations.Latest}: update the course repository.");
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="write"/> in one immediate transaction: all of it is stored or none.</summary>
    private void Write(Action<SqliteTransaction> write)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        write(transaction);
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    // Times are stored as round-trip UTC text: sortable as strings, readable with the sqlite3 shell.
    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseStamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public void Dispose() => _connection.Dispose();
}
