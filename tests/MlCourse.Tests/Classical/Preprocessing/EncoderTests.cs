using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Tests.Classical.Support;
using static MlCourse.Tests.Classical.Preprocessing.Week08Reference;

namespace MlCourse.Tests.Classical.Preprocessing;

public class EncoderTests
{
    private static readonly System.Text.Json.JsonElement E = Section("encoders");

    [Fact]
    public void One_hot_encoder_matches_scikit_learn_and_ignores_unknown_categories_when_asked()
    {
        // Expected: OneHotEncoder(handle_unknown="ignore") on 30x3 codes (categories {0..3}, {1, 2}, {-3, 0.5, 7});
        // test rows 2 and 3 hold unseen codes 9 and 42, which become all-zero blocks. Recorded by week08_features.py.
        var encoder = new OneHotEncoder(UnknownCategory.Ignore).Fit(Matrix(E, "train"));
        Expect.Close(Matrix(E, "onehot_train"), encoder.Transform(Matrix(E, "train")), 0);
        Expect.Close(Matrix(E, "onehot_test"), encoder.Transform(Matrix(E, "test")), 0);
        // scikit-learn prints float categories as "x2_-3.0"; the library writes "x2_-3". Compare after removing ".0".
        Assert.Equal(Strings(E, "onehot_names").Select(n => n.EndsWith(".0") ? n[..^2] : n), encoder.FeatureNames());
    }

    [Fact]
    public void One_hot_encoder_by_default_rejects_an_unknown_category_naming_row_column_and_known_categories()
    {
        var encoder = new OneHotEncoder().Fit(Matrix(E, "train"));
        var e = Assert.Throws<ArgumentException>("x", () => encoder.Transform(Matrix(E, "test")));
        Assert.Contains("x[2, 0] is category 9", e.Message);
        Assert.Contains("{0, 1, 2, 3}", e.Message);
    }

    [Fact]
    public void Ordinal_encoder_matches_scikit_learn_with_an_encoded_value_for_unknowns()
    {
        // Expected: OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), recorded by week08_features.py.
        var encoder = new OrdinalEncoder(handleUnknown: UnknownCategory.Ignore, unknownValue: -1).Fit(Matrix(E, "train"));
        Expect.Close(Matrix(E, "ordinal_train"), encoder.Transform(Matrix(E, "train")), 0);
        Expect.Close(Matrix(E, "ordinal_test"), encoder.Transform(Matrix(E, "test")), 0);
    }

    [Fact]
    public void Ordinal_encoder_uses_a_given_meaningful_order()
    {
        // Bands coded low = 5, normal = 1, high = 9, given in that order, encode as 0, 1, 2 (not by ascending code).
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 9 }, { 5 }, { 1 } });
        var encoder = new OrdinalEncoder([[5, 1, 9]]).Fit(x);
        Assert.Equal([2.0, 0.0, 1.0], encoder.Transform(x).Column(0).ToArray());
        Assert.Throws<ArgumentException>("categories", () => new OrdinalEncoder([[1, 1]]));
    }

    [Fact]
    public void Category_codes_map_strings_in_order_of_first_appearance_and_unknowns_to_minus_one()
    {
        var codes = new CategoryCodes(["paris", "lyon", "paris", "nice"]);
        Assert.Equal(["paris", "lyon", "nice"], codes.Names);
        Assert.Equal([0.0, 2.0, -1.0], codes.Encode(["paris", "nice", "rome"]).ToArray());
    }
}
