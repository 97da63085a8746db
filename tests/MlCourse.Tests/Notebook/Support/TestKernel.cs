using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace MlCourse.Tests.Notebook.Support;

/// <summary>
/// A minimal real .NET Interactive kernel: each submission runs a C# action inside the kernel's
/// invocation context, exactly where notebook cell code runs, so the helpers take their
/// notebook path (KernelInvocationContext.Current is set).
/// </summary>
internal sealed class TestKernel() : Kernel("test"), IKernelCommandHandler<SubmitCode>
{
    private Action? _cell;

    /// <summary>Runs <paramref name="cell"/> as a cell and returns the displayed values it published.</summary>
    public async Task<IReadOnlyList<DisplayedValueProduced>> RunAsync(Action cell)
    {
        _cell = cell;
        var result = await SendAsync(new SubmitCode("// test cell"));
        var failure = result.Events.OfType<CommandFailed>().FirstOrDefault();
        if (failure is not null) throw new InvalidOperationException($"The cell failed: {failure.Message}", failure.Exception);
        return result.Events.OfType<DisplayedValueProduced>().ToList();
    }

    public Task HandleAsync(SubmitCode command, KernelInvocationContext context)
    {
        _cell?.Invoke();
        return Task.CompletedTask;
    }
}
