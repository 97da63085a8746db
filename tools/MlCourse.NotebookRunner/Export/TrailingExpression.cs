using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MlCourse.NotebookRunner.Export;

/// <summary>
/// A cell's last expression written without a semicolon: the notebook displays its value. In a
/// program it becomes a call to the generated <see cref="HelperClass"/>, which receives the
/// expression as a lambda. Without types the exporter cannot tell <c>model.Fit(X, y)</c> (a value)
/// from <c>Show.Text("…")</c> (void), so it lets the compiler choose: a void expression only
/// converts to Action (run it, show nothing), a value also to Func&lt;T&gt;, and C# prefers the
/// delegate that returns a value, as with Task.Run.
/// </summary>
internal static class TrailingExpression
{
    /// <summary>The generated class's name; underscores keep it clear of any type a notebook declares.</summary>
    public const string HelperClass = "__NotebookCellValue";

    public static string Display(ExpressionSyntax expression)
    {
        var code = expression.WithoutTrivia().ToFullString();
        var label = SymbolDisplay.FormatLiteral(Label(code), quote: true);
        return ContainsAwait(expression)
            ? $"await {HelperClass}.DisplayAsync({label}, async () => {code});"
            : $"{HelperClass}.Display({label}, () => {code});";
    }

    /// <summary>
    /// The helper class, placed after the notebook's own types. With the course's display library
    /// the value goes through <c>Show.Value</c> (course number formatting, tables for matrices),
    /// labelled with the expression; otherwise it is printed as Console.WriteLine would.
    /// </summary>
    public static string HelperSource(bool useCourseDisplay)
    {
        var print = useCourseDisplay
            ? "global::MlCourse.Notebook.Show.Value(expression, value)"
            : "global::System.Console.WriteLine(value)";
        return $$"""
            // A cell's last expression, written without a semicolon, is shown by the notebook; here it is
            // printed. The compiler picks the overload: a value binds to Func<T>, a void call to Action.
            file static class {{HelperClass}}
            {
                public static void Display<T>(string expression, global::System.Func<T> evaluate) => Print(expression, evaluate());

                public static void Display(string expression, global::System.Action evaluate) => evaluate();

                public static async global::System.Threading.Tasks.Task DisplayAsync<T>(string expression, global::System.Func<global::System.Threading.Tasks.Task<T>> evaluate) =>
                    Print(expression, await evaluate());

                public static async global::System.Threading.Tasks.Task DisplayAsync(string expression, global::System.Func<global::System.Threading.Tasks.Task> evaluate) =>
                    await evaluate();

                private static void Print(string expression, object value) => {{print}};
            }
            """;
    }

    // An await outside any nested lambda or local function makes the lambda async.
    private static bool ContainsAwait(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                  .OfType<AwaitExpressionSyntax>().Any();

    // The expression on one line, short enough to read as a label.
    private static string Label(string code)
    {
        var oneLine = string.Join(' ', code.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 60 ? oneLine : oneLine[..57] + "...";
    }
}
