using System.Diagnostics;

namespace MlCourse.LearningTests.Support;

/// <summary>
/// The built 'course' program in its own process, on a scratch copy of the repository's skeleton
/// (MLCOURSE_ROOT), so answers can be piped through real stdin and the real .course/ is untouched.
/// </summary>
internal static class CourseProcess
{
    /// <summary>A scratch repository: data/SHA256SUMS (how the root is recognised), Week 1's quiz.json and the daily-log template.</summary>
    public static string ScratchRoot()
    {
        var root = Directory.CreateTempSubdirectory("mlcourse-root-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.Copy(Path.Combine(Repo.Root, "data", "SHA256SUMS"), Path.Combine(root, "data", "SHA256SUMS"));
        var week1 = Path.Combine(root, "notebooks", "month-1-foundations", "week-01-ml-fundamentals");
        Directory.CreateDirectory(week1);
        File.Copy(Path.Combine(Repo.Root, "notebooks", "month-1-foundations", "week-01-ml-fundamentals", "quiz.json"), Path.Combine(week1, "quiz.json"));
        File.Copy(Path.Combine(Repo.Root, "daily-log.md"), Path.Combine(root, "daily-log.md"));
        return root;
    }

    public static ProcessStartInfo StartInfo(string root, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "course.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["MLCOURSE_ROOT"] = root;
        return start;
    }

    public static async Task<(int ExitCode, string Output, string Error)> Run(string root, string stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(root, args))!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
