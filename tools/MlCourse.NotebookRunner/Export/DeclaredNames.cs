using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MlCourse.NotebookRunner.Export;

/// <summary>A name a cell declares, and whether it lands in the program's top-level scope.</summary>
internal sealed record DeclaredName(string Name, bool TopLevel, int Line);

/// <summary>
/// The local names a script member declares once it is a top-level statement of a program.
/// In a script every top-level variable is a field of the cell's submission, so a later cell may
/// declare it again and a loop variable may shadow it; in a program all top-level statements
/// share one block, so the first is CS0128 and the second CS0136 (CS1931 for query variables).
/// Lambdas and local functions may shadow enclosing names (C# 8 and later), so their insides are
/// not looked at. The scope rules below were checked against the compiler.
/// </summary>
internal static class DeclaredNames
{
    public static IEnumerable<DeclaredName> Of(MemberDeclarationSyntax member) => member switch
    {
        // A script method becomes a local function: its name is top-level, its body may shadow.
        MethodDeclarationSyntax method => [Declared(method.Identifier, topLevel: true)],
        FieldDeclarationSyntax field => Walk(field, declarationsLeakOut: true),
        GlobalStatementSyntax global => Walk(global.Statement, LeaksOut(global.Statement)),
        _ => [],
    };

    // Expression variables (out var, patterns, deconstruction) declared in these statements
    // belong to the enclosing block; those of loops, using, switch and the like stay inside.
    // An if statement's condition leaks; its branches are nested statements.
    private static bool LeaksOut(StatementSyntax statement) => statement is LocalDeclarationStatementSyntax
        or ExpressionStatementSyntax or IfStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax;

    private static IEnumerable<DeclaredName> Walk(SyntaxNode root, bool declarationsLeakOut)
    {
        var nodes = root.DescendantNodesAndSelf(node => node == root || node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));
        foreach (var node in nodes)
        {
            var identifier = Identifier(node);
            if (identifier is { } token && token.ValueText.Length > 0)
                yield return Declared(token, declarationsLeakOut && !InNestedScope(node, root));
        }
    }

    private static SyntaxToken? Identifier(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax v => v.Identifier,
        SingleVariableDesignationSyntax d => d.Identifier,
        ForEachStatementSyntax f => f.Identifier,
        CatchDeclarationSyntax c when !c.Identifier.IsKind(SyntaxKind.None) => c.Identifier,
        LocalFunctionStatementSyntax l => l.Identifier,
        FromClauseSyntax q => q.Identifier,
        LetClauseSyntax q => q.Identifier,
        JoinClauseSyntax q => q.Identifier,
        JoinIntoClauseSyntax q => q.Identifier,
        QueryContinuationSyntax q => q.Identifier,
        _ => null,
    };

    /// <summary>True when something between the declaration and the cell's statement opens a scope of its own.</summary>
    private static bool InNestedScope(SyntaxNode declaration, SyntaxNode root)
    {
        if (declaration is LocalFunctionStatementSyntax or FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax
            or JoinIntoClauseSyntax or QueryContinuationSyntax)
            return true;
        for (var node = declaration.Parent; node is not null && node != root; node = node.Parent)
            if (node is StatementSyntax or SwitchExpressionArmSyntax or QueryExpressionSyntax or CatchClauseSyntax)
                return true;
        return false;
    }

    private static DeclaredName Declared(SyntaxToken identifier, bool topLevel) =>
        new(identifier.ValueText, topLevel, identifier.GetLocation().GetLineSpan().StartLinePosition.Line + 1);
}
