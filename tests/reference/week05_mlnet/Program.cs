// Records held-out metrics of ML.NET's FastTree and LightGBM trainers on the Week 5 split (row i is a test row when
// i % 4 == 0, as tests/reference/week05_trees.py), for tests/MlCourse.Tests/Classical/Ensembles/MlNetReferenceTests.cs.
// Run by hand from the repository root: dotnet run --project tests/reference/week05_mlnet
// It writes tests/reference/week05_mlnet/week05_mlnet.json. Settings are fixed below and copied into the JSON.
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

string root = FindRoot(AppContext.BaseDirectory);
var ml = new MLContext(seed: 0);

var (cancerX, cancerY) = LoadLabelled(Path.Combine(root, "data", "breast_cancer.csv"));
var (diabetesX, diabetesY) = LoadDiabetes(root);
var results = new Dictionary<string, object>
{
    ["versions"] = new { mlnet = typeof(MLContext).Assembly.GetName().Version!.ToString(), dotnet = Environment.Version.ToString() },
    ["script"] = "tests/reference/week05_mlnet/Program.cs",
    ["split"] = "test rows: i % 4 == 0",
};

const int Trees = 100, Leaves = 20, MinLeaf = 10;
const double Rate = 0.2;
var settings = new { trees = Trees, leaves = Leaves, min_examples_per_leaf = MinLeaf, learning_rate = Rate };

// Binary classification on breast cancer (label 1 = benign in the file; only accuracy is compared).
{
    var (train, test) = Split(cancerX, cancerY.Select(v => (float)v).ToArray(), classification: true);
    var trainView = ml.Data.LoadFromEnumerable(train);
    var testView = ml.Data.LoadFromEnumerable(test);
    var fastTree = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: Leaves, numberOfTrees: Trees, minimumExampleCountPerLeaf: MinLeaf, learningRate: Rate).Fit(trainView);
    var ftMetrics = ml.BinaryClassification.Evaluate(fastTree.Transform(testView));
    var lightGbm = ml.BinaryClassification.Trainers.LightGbm(numberOfLeaves: Leaves, minimumExampleCountPerLeaf: MinLeaf, learningRate: Rate, numberOfIterations: Trees).Fit(trainView);
    var lgMetrics = ml.BinaryClassification.Evaluate(lightGbm.Transform(testView));
    results["breast_cancer"] = new
    {
        settings,
        fasttree = new { accuracy = ftMetrics.Accuracy, auc = ftMetrics.AreaUnderRocCurve },
        lightgbm = new { accuracy = lgMetrics.Accuracy, auc = lgMetrics.AreaUnderRocCurve },
    };
}

// Regression on diabetes.
{
    var (train, test) = Split(diabetesX, diabetesY.Select(v => (float)v).ToArray(), classification: false);
    var trainView = ml.Data.LoadFromEnumerable(train.Select(r => new RegressionRow { Features = r.Features, Label = r.Value }));
    var testView = ml.Data.LoadFromEnumerable(test.Select(r => new RegressionRow { Features = r.Features, Label = r.Value }));
    var fastTree = ml.Regression.Trainers.FastTree(numberOfLeaves: Leaves, numberOfTrees: Trees, minimumExampleCountPerLeaf: MinLeaf, learningRate: Rate).Fit(trainView);
    var ftMetrics = ml.Regression.Evaluate(fastTree.Transform(testView));
    var lightGbm = ml.Regression.Trainers.LightGbm(numberOfLeaves: Leaves, minimumExampleCountPerLeaf: MinLeaf, learningRate: Rate, numberOfIterations: Trees).Fit(trainView);
    var lgMetrics = ml.Regression.Evaluate(lightGbm.Transform(testView));
    results["diabetes"] = new
    {
        settings,
        fasttree = new { r2 = ftMetrics.RSquared, mse = ftMetrics.MeanSquaredError },
        lightgbm = new { r2 = lgMetrics.RSquared, mse = lgMetrics.MeanSquaredError },
    };
}

string output = Path.Combine(root, "tests", "reference", "week05_mlnet", "week05_mlnet.json");
File.WriteAllText(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine($"ML.NET {typeof(MLContext).Assembly.GetName().Version} -> {output}");
Console.WriteLine(File.ReadAllText(output));

static (List<Row> Train, List<Row> Test) Split(double[][] x, float[] y, bool classification)
{
    var train = new List<Row>();
    var test = new List<Row>();
    for (int i = 0; i < x.Length; i++)
    {
        var row = new Row { Features = x[i].Select(v => (float)v).ToArray(), Label = classification && y[i] == 1, Value = y[i] };
        (i % 4 == 0 ? test : train).Add(row);
    }
    return (train, test);
}

static (double[][] X, double[] Y) LoadLabelled(string path)
{
    var lines = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToArray();
    var rows = lines.Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
    return (rows.Select(r => r[..^1]).ToArray(), rows.Select(r => r[^1]).ToArray());
}

static (double[][] X, double[] Y) LoadDiabetes(string root)
{
    static string[] Read(string file)
    {
        using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
    var x = Read(Path.Combine(root, "data", "diabetes_data_raw.csv.gz"))
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
    var y = Read(Path.Combine(root, "data", "diabetes_target.csv.gz")).Select(l => double.Parse(l.Trim(), CultureInfo.InvariantCulture)).ToArray();
    return (x, y);
}

static string FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "MlCourse.slnx"))) return dir.FullName;
    throw new DirectoryNotFoundException("MlCourse.slnx not found above " + start);
}

internal sealed class Row
{
    [VectorType(30)] public float[] Features { get; set; } = [];
    public bool Label { get; set; }
    public float Value { get; set; }
}

internal sealed class RegressionRow
{
    [VectorType(10)] public float[] Features { get; set; } = [];
    public float Label { get; set; }
}
