// Part of the drill check harness: compiled into MlCourse.Learning and, as source, into every
// child program that checks a learner's solution. Base class library only.
namespace DrillHarness;

/// <summary>What one check concluded: passed or not, and the values to show when it did not.</summary>
internal sealed record CheckVerdict(bool Passed, string Expected, string Actual);

/// <summary>One hidden check: a name, the inputs in words (shown on failure) and the code that decides.</summary>
internal sealed record Check(string Name, string Inputs, Func<CheckVerdict> Run);

/// <summary>
/// The checks a drill's Checks.cs defines in <c>DrillChecks.Define(CheckList checks)</c>. They run
/// in order, each on its own, so one exception does not hide the other verdicts.
/// </summary>
internal sealed class CheckList
{
    private readonly List<Check> _checks = [];

    public IReadOnlyList<Check> All => _checks;

    public void Add(string name, string inputs, Func<CheckVerdict> run) => _checks.Add(new Check(name, inputs, run));
}
