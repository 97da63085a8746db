using System.Diagnostics;

namespace MlCourse.NotebookRunner.Execution;

/// <summary>
/// The dotnet-interactive tool that VS Code and Jupyter start, as the repository pins it in
/// <c>.config/dotnet-tools.json</c>. <see cref="EnsureRestoredAsync"/> runs <c>dotnet tool restore</c> once per
/// repository and process, so a fresh clone needs only the SDK (the tool package restores from NuGet like
/// any other package, and offline once it is in the cache).
/// </summary>
internal static class KernelTool
{
    public const string ManifestPath = ".config/dotnet-tools.json";

    private static readonly Dictionary<string, Task> RestoresByRoot = new(StringComparer.Ordinal);

    /// <summary>Arguments after <c>dotnet</c> that start the kernel on stdio with the notebook's folder as working directory.</summary>
    public static IEnumerable<string> StdioArguments(string workingDirectory) =>
        ["dotnet-interactive", "stdio", "--working-dir", workingDirectory];

    /// <exception cref="KernelSessionException">No manifest, or the restore failed (its output is in the message).</exception>
    public static Task EnsureRestoredAsync(string repositoryRoot)
    {
        lock (RestoresByRoot)
        {
            if (!RestoresByRoot.TryGetValue(repositoryRoot, out var restore) || restore.IsFaulted || restore.IsCanceled)
                RestoresByRoot[repositoryRoot] = restore = RestoreAsync(repositoryRoot);
            return restore;
        }
    }

    private static async Task RestoreAsync(string repositoryRoot)
    {
        if (!File.Exists(Path.Combine(repositoryRoot, ManifestPath)))
            throw new KernelSessionException($"{Path.Combine(repositoryRoot, ManifestPath)} is missing: it pins the dotnet-interactive tool the kernel engine runs.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("tool");
        start.ArgumentList.Add("restore");
        SetQuietEnvironment(start);
        using var process = Process.Start(start) ?? throw new KernelSessionException("Could not start `dotnet tool restore`.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new KernelSessionException(
                $"`dotnet tool restore` in {repositoryRoot} failed with exit code {process.ExitCode} (the notebook kernel is the " +
                $"dotnet-interactive tool pinned in {ManifestPath}; it restores from NuGet once, then offline):\n{await stdout}{await stderr}".TrimEnd());
    }

    /// <summary>No telemetry banner or first-run notices in the protocol stream.</summary>
    public static void SetQuietEnvironment(ProcessStartInfo start)
    {
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }
}
