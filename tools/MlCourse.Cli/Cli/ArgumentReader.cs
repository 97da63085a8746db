using MlCourse.NotebookRunner.Discovery;

namespace MlCourse.Cli.Cli;

/// <summary>
/// The arguments after the command name: <c>--name value</c> or <c>--name=value</c> options and
/// positional words. A command takes what it knows, then <see cref="EnsureNothingLeft"/> turns
/// anything else into a one-line usage error that suggests the nearest known option.
/// </summary>
public sealed class ArgumentReader
{
    private readonly List<string> _args;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal) { "--help" };

    public ArgumentReader(IEnumerable<string> args) => _args = args.ToList();

    /// <summary>True (and consumed) if <c>--help</c> or <c>-h</c> is present.</summary>
    public bool TakeHelp()
    {
        int index = _args.FindIndex(a => a is "--help" or "-h");
        if (index < 0) return false;
        _args.RemoveAt(index);
        return true;
    }

    /// <summary>True (and consumed) if the value-less switch <paramref name="name"/> (e.g. "--force") is present.</summary>
    public bool TakeFlag(string name)
    {
        _known.Add(name);
        return _args.Remove(name);
    }

    /// <summary>The value of <paramref name="name"/> (e.g. "--output"), or null when absent.</summary>
    public string? TakeOption(string name)
    {
        _known.Add(name);
        for (int i = 0; i < _args.Count; i++)
        {
            if (_args[i] == name)
            {
                if (i + 1 >= _args.Count || _args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new UsageException($"Option {name} needs a value.");
                var value = _args[i + 1];
                _args.RemoveRange(i, 2);
                return value;
            }
            if (_args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                var value = _args[i][(name.Length + 1)..];
                _args.RemoveAt(i);
                return value.Length > 0 ? value : throw new UsageException($"Option {name} needs a value.");
            }
        }
        return null;
    }

    /// <summary>The next word that is not an option, or null.</summary>
    public string? TakePositional()
    {
        int index = _args.FindIndex(a => !a.StartsWith('-') || a == "-");
        if (index < 0) return null;
        var value = _args[index];
        _args.RemoveAt(index);
        return value;
    }

    public void EnsureNothingLeft(string command)
    {
        if (_args.Count == 0) return;
        var first = _args[0];
        if (first.StartsWith('-'))
        {
            var name = first.Split('=')[0];
            var nearest = NearestNames.Find(name, _known, 1);
            throw new UsageException($"Unknown option '{name}' for '{command}'." +
                (nearest.Count > 0 ? $" Did you mean {nearest[0]}?" : "") + $" See 'course {command} --help'.");
        }
        throw new UsageException($"Unexpected argument '{first}' for '{command}'. See 'course {command} --help'.");
    }
}
