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
    private readonly string _path;

    private ProgressStore(SqliteConnection connection, string path) => (_connection, _path) = (connection, path);

    public static string DefaultPath(string repositoryRoot) => Path.Combine(repositoryRoot, ".course", "progress.db");

    /// <summary>Opens (creating if needed) the store and upgrades its schema to <see cref="Migrations.Latest"/>.</summary>
    public static ProgressStore Open(string path) => Open(path, Migrations.Latest);

    /// <exception cref="DamagedStoreException">The file is not a database, is corrupt, or lost a table.</exception>
    internal static ProgressStore Open(string path, int schemaVersion)
    {
        var connection = Connect(path);
        try
        {
            Guarded(path, () => Migrate(connection, schemaVersion));
            var missing = MissingTables(connection, ReadVersion(connection));
            if (missing.Count > 0) throw new DamagedStoreException(path, $"the table{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing");
            return new ProgressStore(connection, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteConnection Connect(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            // A pooled connection keeps the file open after Dispose; the CLI opens one per command anyway.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            Guarded(path, () =>
            {
                connection.Open();
                Execute(connection, "PRAGMA busy_timeout = 10000;");
                // WAL: readers never block the writer and a crash mid-write leaves the last commit intact.
                Execute(connection, "PRAGMA journal_mode = WAL;");
            });
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Recovers a damaged store and says what it did: a file that is not a database (or too corrupt
    /// to read) is moved aside and a fresh one is started; tables that were dropped are recreated
    /// empty, and every other table keeps its rows.
    /// </summary>
    public static string Repair(string path)
    {
        if (!File.Exists(path)) return $"{path} does not exist; nothing to repair (the next command creates it).";
        try
        {
            using var connection = Connect(path);
            Guarded(path, () =>
            {
                using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA quick_check;";
                var verdict = check.ExecuteScalar() as string;
                if (verdict != "ok") throw new DamagedStoreException(path, $"integrity check: {verdict}");
            });
            Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
            var version = ReadVersion(connection);
            var missing = MissingTables(connection, version);
            foreach (var table in missing)
                foreach (var statement in Migrations.StatementsCreating(table, version)) Execute(connection, statement);
            return missing.Count == 0
                ? $"{path} is sound; nothing to repair."
                : $"Recreated the missing table{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} (empty) in {path}; every other record is kept.";
        }
        catch (DamagedStoreException)
        {
            var aside = $"{path}.damaged-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
            SqliteConnection.ClearAllPools();
            File.Move(path, aside);
            foreach (var suffix in new[] { "-wal", "-shm" })
                if (File.Exists(path + suffix)) File.Move(path + suffix, aside + suffix);
            using (Open(path)) { }
            return $"{path} could not be read as a database; it is kept as {aside} (a SQLite tool may still recover rows from it: sqlite3 {aside} .recover) and a new, empty progress store was started.";
        }
    }

    private static List<string> MissingTables(SqliteConnection connection, int version)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var reader = command.ExecuteReader())
            while (reader.Read()) present.Add(reader.GetString(0));
        return Migrations.TablesUpTo(version).Where(t => !present.Contains(t)).ToList();
    }

    /// <summary>Turns SQLite's "not a database", "corrupt" and "no such table" into <see cref="DamagedStoreException"/>.</summary>
    private static void Guarded(string path, Action action) => Guarded(path, () => { action(); return 0; });

    private static T Guarded<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        // 26 SQLITE_NOTADB, 11 SQLITE_CORRUPT; 1 with "no such table": a table dropped after the store was opened.
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11 || (e.SqliteErrorCode == 1 && e.Message.Contains("no such table", StringComparison.Ordinal)))
        {
            throw new DamagedStoreException(path, e.Message.Replace("SQLite Error " + e.SqliteErrorCode + ": ", "").Trim('\'', ' ', '.'), e);
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
    private void Write(Action<SqliteTransaction> write) => Guarded(_path, () =>
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        write(transaction);
        transaction.Commit();
    });

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters) => Guarded(_path, () =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    });

    // Times are stored as round-trip UTC text: sortable as strings, readable with the sqlite3 shell.
    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseStamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public void Dispose() => _connection.Dispose();
}
