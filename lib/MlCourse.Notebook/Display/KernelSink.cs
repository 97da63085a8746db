using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace MlCourse.Notebook;

/// <summary>
/// Inside a .NET Interactive cell: publishes a displayed value carrying every form we have
/// (text/html or text/markdown, always text/plain). The front end picks the richest it renders,
/// and tools that read outputs as text (nbconvert to text, diffs) still get readable plain text.
/// </summary>
internal sealed class KernelSink : IDisplaySink
{
    // Typed as object, and every use of a Microsoft.DotNet.Interactive type sits in a
    // non-inlined method: a plain app deployed without that assembly can still load this class
    // and learn, through TryGetCurrent, that it is not in a notebook.
    private readonly object _context;

    private KernelSink(object context, object session)
    {
        _context = context;
        Session = session;
    }

    public bool RendersHtml => true;

    public object Session { get; }

    /// <summary>The sink for the running cell, or null outside a notebook.</summary>
    public static KernelSink? TryGetCurrent()
    {
        try
        {
            return FromCurrentContext();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException)
        {
            return null;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static KernelSink? FromCurrentContext()
    {
        var context = KernelInvocationContext.Current;
        if (context is null) return null;
        // The root kernel is the notebook session; a standalone C# kernel is its own root.
        object session = context.HandlingKernel?.RootKernel ?? (object)context;
        return new KernelSink(context, session);
    }

    public void Display(DisplayOutput output) => Publish(_context, output, Guid.NewGuid().ToString("N"), update: false);

    public void Display(DisplayOutput output, string displayId) => Publish(_context, output, displayId, update: false);

    // The front end replaces the output it showed under the same value id (Jupyter's update_display_data).
    public void Update(DisplayOutput output, string displayId) => Publish(_context, output, displayId, update: true);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Publish(object contextObject, DisplayOutput output, string displayId, bool update)
    {
        var context = (KernelInvocationContext)contextObject;
        var values = new List<FormattedValue>(2);
        if (output.Html is not null) values.Add(new FormattedValue("text/html", output.Html));
        else if (output.Markdown is not null) values.Add(new FormattedValue("text/markdown", output.Markdown));
        values.Add(new FormattedValue("text/plain", output.PlainText));
        if (update) context.Publish(new DisplayedValueUpdated(output.PlainText, displayId, context.Command, values));
        else context.Publish(new DisplayedValueProduced(output.PlainText, context.Command, values, displayId));
    }
}
