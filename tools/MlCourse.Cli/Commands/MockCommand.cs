using System.Globalization;
using MlCourse.Cli.Cli;
using MlCourse.Learning.Mock;
using MlCourse.Learning.Store;
using MlCourse.Notebook;

namespace MlCourse.Cli.Commands;

/// <summary><c>course mock</c>: a timed mock interview round drawn from the whole course (notebooks/interview-prep/mock-interviews).</summary>
public sealed class MockCommand : ICourseCommand
{
    public string Name => "mock";

    public string Summary => "A timed mock interview round: concept questions, an interview question, a drill; weaknesses and reviews.";

    public string Help => """
        Usage: course mock [--week N | --month N] [--minutes M] [--seed S] [--concepts N] [--no-drill] [--partner]
               course mock --report

        Runs one round, part by part, each with its time: concept questions from the weeks'
        quiz.json (multiple choice and numbers graded; short answers scored by you against the model
        answer's key points), one question from an interview-questions.md (answer out loud or in
        notes, then read the model answer, follow-ups and common mistakes, and score yourself on the
        rubric), and one drill (edit the file it names, press Enter to run the hidden checks). Every
        part is stored in .course/progress.db as soon as it is scored, with its next review; q, the
        end of input or Ctrl-C stop the round and keep what was answered. At the end: the round's
        scores, your weakest weeks and topics over all mocks, and what is due for review.
        Guide and rubrics: notebooks/interview-prep/mock-interviews/.

        Options:
          --week N        only week N
          --month N       only the weeks of month N
          --minutes M     rescale the parts' times to about M minutes in all (default: 2 min a concept
                          question, 15 min the interview question, the drill's time box)
          --seed S        choose the same parts again, while no new review fell due (each round prints its seed)
          --concepts N    concept questions in the round (default: 5)
          --no-drill      leave out the coding drill
          --partner       a partner plays interviewer: they see the model answer and what to listen for first
          --report        print past rounds, weaknesses by week and topic, and what is due; run nothing

        Exit codes: 0 round finished, stopped or reported, 2 bad input.
        """;

    public async Task<int> RunAsync(ArgumentReader args, CliConsole console)
    {
        var report = args.TakeFlag("--report");
        var weekText = args.TakeOption("--week");
        var monthText = args.TakeOption("--month");
        var minutesText = args.TakeOption("--minutes");
        var seedText = args.TakeOption("--seed");
        var conceptsText = args.TakeOption("--concepts");
        var noDrill = args.TakeFlag("--no-drill");
        var partner = args.TakeFlag("--partner");
        args.EnsureNothingLeft(Name);
        if (weekText is not null && monthText is not null) throw new UsageException("Give --week or --month, not both.");
        if (report && (weekText ?? monthText ?? minutesText ?? seedText ?? conceptsText) is not null)
            throw new UsageException("--report takes no other options: it runs no round.");
        var options = new MockOptions(
            Week: weekText is null ? null : WholeNumber(weekText, "--week", min: 1),
            Month: monthText is null ? null : WholeNumber(monthText, "--month", min: 1),
            Minutes: minutesText is null ? null : Minutes(minutesText),
            // An unseeded round still has a seed: printed, so the learner can replay the same choice.
            Seed: seedText is null ? Random.Shared.Next(1, 100_000) : WholeNumber(seedText, "--seed", min: 0),
            Concepts: conceptsText is null ? 5 : WholeNumber(conceptsText, "--concepts", min: 0, max: 50),
            IncludeDrill: !noDrill);

        var root = CourseLocation.RepositoryRootOrExplain();
        var storePath = ProgressStore.DefaultPath(root);
        using var store = ProgressStore.Open(storePath);
        if (report) return Report(store, console);

        MockPlan plan;
        try
        {
            plan = MockPlanner.Plan(MockContent.Load(root), options, store.Leitner(), store.MockReviews(), DateTimeOffset.Now);
        }
        catch (QuizFormatException e) { throw new UsageException(e.Message.ReplaceLineEndings(" ")); }
        catch (MockScopeException e) { throw new UsageException(e.Message); }

        console.Out.WriteLine($"Mock round over {plan.Scope}: {plan.Parts.Count} part(s), about {plan.TotalMinutes:0} min, seed {plan.Seed}{(partner ? ", partner mode" : "")}.");
        foreach (var note in plan.Notes) console.Out.WriteLine($"Note: {note}");
        console.Out.WriteLine("Type q at any prompt to stop; answered parts are kept. Rubrics: notebooks/interview-prep/mock-interviews/rubrics.md");

        // Program.cs hands commands no input reader; like the quiz, the mock reads answers from stdin.
        var session = new MockSession(Console.In, console.Out, store, () => DateTimeOffset.Now,
            new MockSessionSettings(root, partner, EchoAnswers: Console.IsInputRedirected));
        var sessionId = session.Begin(plan);
        // Ctrl-C ends the process; what was answered is already committed. Mark the round as cut off
        // through a second connection (the main one may be mid-read) and say so.
        ConsoleCancelEventHandler onCancel = (_, _) =>
        {
            using var other = ProgressStore.Open(storePath);
            other.EndMock(sessionId, MockStatus.Interrupted, DateTimeOffset.Now);
            var kept = other.MockParts().Count(p => p.SessionId == sessionId);
            console.Error.WriteLine($"course: mock interrupted; {kept} answered part(s) kept. See 'course mock --report'.");
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var result = await session.RunAsync(plan, sessionId);
            MockReport.WriteRound(result, plan, console.Out);
            MockReport.WriteWeaknesses(store.MockParts(), console.Out);
            MockReport.WriteDue(store, DateTimeOffset.Now, console.Out);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        return ExitCodes.Success;
    }

    private static int Report(ProgressStore store, CliConsole console)
    {
        var sessions = store.MockSessions();
        var parts = store.MockParts();
        if (sessions.Count == 0) console.Out.WriteLine("No mock rounds yet: start one with 'course mock'.");
        foreach (var s in sessions.TakeLast(10))
        {
            var mine = parts.Where(p => p.SessionId == s.Id).ToList();
            // A round never marked ended was cut off before it could be (a kill, a crash).
            var status = s.Status == MockStatus.InProgress ? MockStatus.Interrupted : s.Status;
            var mean = mine.Count == 0 ? "-" : $"{100 * mine.Average(p => p.Score):0}%";
            console.Out.WriteLine($"  #{s.Id,-4} {s.StartedAt.LocalDateTime:yyyy-MM-dd HH:mm}  {status.ToString().ToLowerInvariant(),-11} {mine.Count}/{s.PlannedParts} parts  mean {mean,-4}  {s.Scope} (seed {s.Seed})");
        }
        MockReport.WriteWeaknesses(parts, console.Out);
        MockReport.WriteDue(store, DateTimeOffset.Now, console.Out);
        return ExitCodes.Success;
    }

    private static int WholeNumber(string text, string option, int min, int max = int.MaxValue) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{option} must be a whole number{(max == int.MaxValue ? $" of at least {min}" : $" from {min} to {max}")}, not '{text}'.");

    private static double Minutes(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= 240
            ? value
            : throw new UsageException($"--minutes must be a number of minutes from 1 to 240, not '{text}'.");
}
