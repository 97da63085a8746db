using MlCourse.Core.Validation;
namespace MlCourse.Notebook;

/// <summary>
/// Chooses the display sink: a test's override if one is active, else the notebook kernel when
/// code runs inside a cell, else the console.
/// </summary>
internal static class DisplaySinks
{
    // AsyncLocal so that tests running in parallel each capture only their own output.
    private static readonly AsyncLocal<IDisplaySink?> Override = new();

    public static IDisplaySink Current => Override.Value ?? (IDisplaySink?)KernelSink.TryGetCurrent() ?? ConsoleSink.Instance;

    /// <summary>Sends all display output of the current async flow to <paramref name="sink"/> until disposed.</summary>
    public static IDisposable Use(IDisplaySink sink)
    {
        Guard.NotNull(sink, nameof(sink));
        var previous = Override.Value;
        Override.Value = sink;
        return new Restore(previous);
    }

    public static void Display(DisplayOutput output) => Current.Display(output);

    private sealed class Restore(IDisplaySink? previous) : IDisposable
    {
        public void Dispose() => Override.Value = previous;
    }
}
