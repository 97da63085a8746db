using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlCourse.NotebookRunner.Notebooks;

namespace MlCourse.NotebookRunner.Export;

/// <summary>
/// One code cell parsed as the notebook kernel parses it (C# script) and split into what goes
/// where in a program: using directives to the top, statements (script fields and methods become
/// locals and local functions) in cell order, type declarations after all statements (CS8803:
/// a program's top-level statements must precede its types).
/// </summary>
internal sealed class CodeCellSplit
{
    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private CodeCellSplit(NotebookCell cell) => Cell = cell;

    public NotebookCell Cell { get; }

    public List<string> Usings { get; } = [];

    /// <summary>The cell's statements as source text, the trailing expression already rewritten.</summary>
    public string Statements { get; private set; } = "";

    public string TypeDeclarations { get; private set; } = "";

    public List<DeclaredName> Names { get; } = [];

    public bool HasTrailingExpression { get; private set; }

    /// <summary>Splits <paramref name="code"/> (the cell without its #r lines); problems name the cell.</summary>
    public static CodeCellSplit Parse(NotebookCell cell, string code, ICollection<string> problems)
    {
        var split = new CodeCellSplit(cell);
        var tree = CSharpSyntaxTree.ParseText(code, ScriptOptions);
        var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var first = errors[0];
            problems.Add($"{cell.Label}, line {first.Location.GetLineSpan().StartLinePosition.Line + 1}: does not parse as C# ({first.Id}: {first.GetMessage()}).");
            return split;
        }

        var root = (CompilationUnitSyntax)tree.GetRoot();
        split.Usings.AddRange(root.Usings.Select(u => u.WithoutTrivia().NormalizeWhitespace().ToFullString()));
        if (root.Externs.Count > 0 || root.AttributeLists.Count > 0)
            problems.Add($"{cell.Label}: extern aliases and assembly attributes have no place in an exported program; move them to the library.");

        var statements = new System.Text.StringBuilder();
        var types = new System.Text.StringBuilder();
        for (int i = 0; i < root.Members.Count; i++)
        {
            var member = root.Members[i];
            switch (member)
            {
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    types.Append(member.ToFullString());
                    break;
                case GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last } when i == root.Members.Count - 1:
                    // A comment after the expression is trivia of its last token; it goes after the new statement.
                    statements.Append(member.GetLeadingTrivia().ToFullString())
                              .Append(TrailingExpression.Display(last.Expression))
                              .Append(last.Expression.GetTrailingTrivia().ToFullString());
                    split.HasTrailingExpression = true;
                    break;
                case GlobalStatementSyntax or FieldDeclarationSyntax or MethodDeclarationSyntax:
                    statements.Append(member.ToFullString());
                    break;
                default:
                    var line = member.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    problems.Add($"{cell.Label}, line {line}: a script-level {Describe(member)} has no equivalent among a program's " +
                                 "top-level statements; use a local variable, a method, or move it into a type.");
                    break;
            }
            split.Names.AddRange(DeclaredNames.Of(member));
        }
        split.Statements = TrimBlankLines(statements.ToString());
        split.TypeDeclarations = TrimBlankLines(types.ToString());
        return split;
    }

    private static string Describe(MemberDeclarationSyntax member) => member switch
    {
        PropertyDeclarationSyntax => "property",
        EventFieldDeclarationSyntax or EventDeclarationSyntax => "event",
        IndexerDeclarationSyntax => "indexer",
        _ => member.Kind().ToString(),
    };

    /// <summary>
    /// Drops blank lines at both ends (left by removed #r and using lines). Nothing else changes:
    /// a line's trailing spaces may belong to a multi-line string literal.
    /// </summary>
    internal static string TrimBlankLines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[0])) lines.RemoveAt(0);
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1])) lines.RemoveAt(lines.Count - 1);
        return string.Join('\n', lines);
    }
}
