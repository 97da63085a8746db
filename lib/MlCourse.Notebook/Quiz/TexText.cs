using System.Text;
using MlCourse.Core.Validation;

namespace MlCourse.Notebook;

/// <summary>
/// Renders the TeX of quiz Markdown ($...$ and $$...$$) as readable Unicode for a terminal:
/// "$\hat{y} = \frac{1}{n}\sum_i x_i^2$" becomes "ŷ = 1/n Σᵢ xᵢ²". Covers what the quizzes use
/// (Greek letters, operators, fractions, roots, hats and bars, norms, simple super- and
/// subscripts, labelled under- and overbraces); an unknown command is shown without its backslash rather than dropped.
/// </summary>
public static class TexText
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ε", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["kappa"] = "κ", ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν",
        ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ", ["phi"] = "φ", ["varphi"] = "φ",
        ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω", ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ",
        ["Sigma"] = "Σ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω", ["Pi"] = "Π",
        ["sum"] = "Σ", ["prod"] = "Π", ["int"] = "∫", ["partial"] = "∂", ["nabla"] = "∇", ["infty"] = "∞",
        ["cdot"] = "·", ["times"] = "×", ["div"] = "÷", ["pm"] = "±", ["mp"] = "∓", ["le"] = "≤", ["leq"] = "≤",
        ["ge"] = "≥", ["geq"] = "≥", ["ne"] = "≠", ["neq"] = "≠", ["approx"] = "≈", ["sim"] = "~", ["propto"] = "∝",
        ["equiv"] = "≡", ["to"] = "→", ["rightarrow"] = "→", ["Rightarrow"] = "⇒", ["leftarrow"] = "←", ["mapsto"] = "↦",
        ["in"] = "∈", ["notin"] = "∉", ["subset"] = "⊂", ["cup"] = "∪", ["cap"] = "∩", ["forall"] = "∀", ["exists"] = "∃",
        ["top"] = "ᵀ", ["ldots"] = "…", ["cdots"] = "⋯", ["dots"] = "…", ["mid"] = "|", ["lvert"] = "|", ["rvert"] = "|",
        ["|"] = "‖", ["lVert"] = "‖", ["rVert"] = "‖", ["{"] = "{", ["}"] = "}", ["%"] = "%", ["$"] = "$", ["_"] = "_",
        [","] = " ", [";"] = " ", [":"] = " ", ["!"] = "", [" "] = " ", ["quad"] = " ", ["qquad"] = " ",
        ["left"] = "", ["right"] = "", ["big"] = "", ["Big"] = "", ["bigl"] = "", ["bigr"] = "", ["displaystyle"] = "",
        ["log"] = "log", ["ln"] = "ln", ["exp"] = "exp", ["max"] = "max", ["min"] = "min", ["arg"] = "arg",
        ["sin"] = "sin", ["cos"] = "cos", ["tanh"] = "tanh", ["det"] = "det", ["tr"] = "tr", ["sign"] = "sign",
        ["operatorname"] = "", ["mathbf"] = "", ["mathrm"] = "", ["mathcal"] = "", ["mathbb"] = "", ["boldsymbol"] = "",
        ["text"] = "", ["textrm"] = "", ["mathit"] = "",
    };

    private const string SuperFrom = "0123456789+-=()niTt";
    private const string SuperTo = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀᵗ";
    private const string SubFrom = "0123456789+-=()aeoxhklmnpstijruv";
    private const string SubTo = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ";

    /// <summary>The text with every $...$ / $$...$$ span rendered; the rest is left as it is.</summary>
    public static string ToPlain(string markdown)
    {
        Guard.NotNull(markdown, nameof(markdown));
        var result = new StringBuilder();
        var i = 0;
        while (i < markdown.Length)
        {
            var open = markdown.IndexOf('$', i);
            if (open < 0 || (open > 0 && markdown[open - 1] == '\\')) { result.Append(markdown, i, (open < 0 ? markdown.Length : open + 1) - i); i = open < 0 ? markdown.Length : open + 1; continue; }
            var delimiter = open + 1 < markdown.Length && markdown[open + 1] == '$' ? "$$" : "$";
            var close = markdown.IndexOf(delimiter, open + delimiter.Length, StringComparison.Ordinal);
            if (close < 0) { result.Append(markdown, i, markdown.Length - i); break; }
            result.Append(markdown, i, open - i);
            result.Append(Render(markdown[(open + delimiter.Length)..close]));
            i = close + delimiter.Length;
        }
        return result.ToString();
    }

    /// <summary>One TeX expression (without its dollars) as Unicode text.</summary>
    public static string Render(string tex)
    {
        var position = 0;
        return Sequence(tex, ref position, stopAtBrace: false).Trim();
    }

    private static string Sequence(string tex, ref int i, bool stopAtBrace)
    {
        var text = new StringBuilder();
        while (i < tex.Length)
        {
            var c = tex[i];
            if (c == '}' && stopAtBrace) { i++; break; }
            if (c is '^' or '_')
            {
                i++;
                var script = Argument(tex, ref i);
                text.Append(c == '^' ? Script(script, SuperFrom, SuperTo, "^") : Script(script, SubFrom, SubTo, "_"));
                continue;
            }
            var atom = Atom(tex, ref i);
            // A big operator after something ("\frac{1}{n}\sum") reads better with a space, as TeX typesets it.
            if (atom is "Σ" or "Π" or "∫" && text.Length > 0 && text[^1] is not (' ' or '(')) text.Append(' ');
            text.Append(atom);
        }
        return text.ToString();
    }

    /// <summary>One unit: a {group}, a \command with its arguments, or a character.</summary>
    private static string Atom(string tex, ref int i)
    {
        var c = tex[i];
        if (c == '{') { i++; return Sequence(tex, ref i, stopAtBrace: true); }
        if (c != '\\') { i++; return c == '~' ? " " : c.ToString(); }
        i++;
        if (i >= tex.Length) return "\\";
        var start = i;
        if (char.IsLetter(tex[i])) while (i < tex.Length && char.IsLetter(tex[i])) i++;
        else i++;
        var name = tex[start..i];
        switch (name)
        {
            case "frac" or "dfrac" or "tfrac":
                var numerator = Argument(tex, ref i);
                var denominator = Argument(tex, ref i);
                return $"{Wrap(numerator)}/{Wrap(denominator)}";
            case "sqrt":
                return "√" + Wrap(Argument(tex, ref i));
            case "hat" or "widehat": return Accent(Argument(tex, ref i), '\u0302');
            case "bar" or "overline": return Accent(Argument(tex, ref i), '\u0304');
            case "tilde" or "widetilde": return Accent(Argument(tex, ref i), '\u0303');
            case "vec": return Accent(Argument(tex, ref i), '\u20D7');
            case "dot": return Accent(Argument(tex, ref i), '\u0307');
            case "underbrace" or "overbrace":
                // A braced term with its label under (_) or over (^) it: "σ² (noise)", the label after the term.
                var term = Argument(tex, ref i);
                var at = i;
                while (at < tex.Length && tex[at] == ' ') at++;
                if (at < tex.Length && tex[at] == (name == "underbrace" ? '_' : '^'))
                {
                    i = at + 1;
                    return $"{term} ({Argument(tex, ref i)})";
                }
                return term;
        }
        if (Symbols.TryGetValue(name, out var symbol))
        {
            // Named operators read as words: keep a space before what follows them.
            return symbol.Length > 1 && char.IsLetter(symbol[0]) && i < tex.Length && char.IsLetterOrDigit(tex[i]) ? symbol + " " : symbol;
        }
        return name;
    }

    /// <summary>The argument of a command or script: a {group} or one atom, spaces skipped.</summary>
    private static string Argument(string tex, ref int i)
    {
        while (i < tex.Length && tex[i] == ' ') i++;
        return i < tex.Length ? Atom(tex, ref i) : "";
    }

    private static string Script(string text, string from, string to, string fallback)
    {
        if (text.Length > 0 && text.All(ch => from.Contains(ch) || ch == 'ᵀ'))
            return string.Concat(text.Select(ch => ch == 'ᵀ' ? "ᵀ" : to[from.IndexOf(ch)].ToString()));
        return text.Length == 1 ? fallback + text : $"{fallback}({text})";
    }

    private static string Accent(string text, char combining) => text.Length == 1 ? text + combining : $"({text}){combining}";

    private static string Wrap(string text) => text.Length <= 1 || text.All(char.IsLetterOrDigit) ? text : $"({text})";
}
