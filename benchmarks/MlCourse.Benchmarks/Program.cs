using System.Globalization;
using System.Reflection;
using MlCourse.Benchmarks;

// Usage: course-bench [list | all | <name>...] [--repeats N]
//        course-bench compare [--repeats N] [--write] [--no-first-call] [--only TEXT]   (both sides alternately; see Compare)
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args is ["first-call", var benchName, var caseName]) return Compare.FirstCall(benchmarks, benchName, caseName);
if (args is ["compare", ..])
{
    var compareOptions = new BenchmarkOptions();
    string? write = null, only = null;
    bool first = true;
    for (int i = 1; i < args.Length; i++)
    {
        if (args[i] == "--repeats" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0) { compareOptions = compareOptions with { Repeats = n }; i++; }
        else if (args[i] == "--write") write = Path.Combine("benchmarks", "results.md");
        else if (args[i] == "--no-first-call") first = false;
        else if (args[i] == "--only" && i + 1 < args.Length) only = args[++i];
        else { Console.Error.WriteLine($"course-bench compare: unknown option '{args[i]}' (known: --repeats N, --write, --no-first-call, --only TEXT)."); return 2; }
    }
    return Compare.Run(benchmarks, compareOptions, write, first, only);
}

var names = new List<string>();
var options = new BenchmarkOptions();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--repeats" && i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0)
    { options = options with { Repeats = r }; i++; }
    else if (args[i].StartsWith("--", StringComparison.Ordinal))
    { Console.Error.WriteLine($"course-bench: unknown option '{args[i]}' (known: --repeats N)."); return 2; }
    else names.Add(args[i]);
}

if (names.Count == 0 || names is ["list"])
{
    Console.WriteLine("Benchmarks (run: dotnet run -c Release --project benchmarks/MlCourse.Benchmarks -- <name>|all):");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-28} {b.Description}");
    return 0;
}

var chosen = names is ["all"] ? benchmarks : new List<IBenchmark>();
if (chosen.Count == 0)
    foreach (var name in names)
    {
        var match = benchmarks.FirstOrDefault(b => b.Name == name);
        if (match is null)
        {
            Console.Error.WriteLine($"course-bench: no benchmark '{name}'. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}.");
            return 2;
        }
        chosen.Add(match);
    }

#if DEBUG
Console.WriteLine("warning: a Debug build; timings mean little. Use -c Release.");
#endif
Console.WriteLine($"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {options.Repeats} timed runs after {options.Warmup} warm-up");
foreach (var b in chosen)
{
    Console.WriteLine();
    Console.WriteLine($"## {b.Name}: {b.Description}");
    Console.WriteLine($"{"case",-44} {"median ms",10} {"min ms",10}  quality");
    foreach (var row in b.Run(options))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{row.Case,-44} {row.Median.TotalMilliseconds,10:F2} {row.Fastest.TotalMilliseconds,10:F2}  {row.Quality}"));
}
return 0;
