using MlCourse.Notebook;

namespace MlCourse.Tests.Notebook;

public class FormattingTests
{
    [Theory]
    [InlineData(3.14159265, 4, "3.142")]
    [InlineData(0.000123456, 4, "0.0001235")]
    [InlineData(0.5, 4, "0.5")]
    [InlineData(-2.0, 4, "-2")]
    [InlineData(442.0, 4, "442")]          // whole numbers below a million print exactly
    [InlineData(123456.7, 4, "123457")]    // fixed notation up to 1e6 keeps the integer part
    [InlineData(2.5e7, 4, "2.5e+07")]
    [InlineData(1.23456e-7, 3, "1.23e-07")]
    [InlineData(0.0, 4, "0")]
    [InlineData(double.NaN, 4, "NaN")]
    [InlineData(double.NegativeInfinity, 4, "-Infinity")]
    public void Numbers_show_significant_digits_without_trailing_zeros(double value, int digits, string expected)
    {
        Assert.Equal(expected, ValueFormat.Number(value, digits));
    }

    [Fact]
    public void Long_vectors_are_abbreviated()
    {
        var text = ValueFormat.Format(Enumerable.Range(1, 20).Select(i => (double)i).ToArray(), 4);
        Assert.Equal("[1, 2, 3, 4, 5, 6, 7, 8, ..., 19, 20] (20 values)", text);
    }

    [Fact]
    public void Show_Format_uses_the_course_setting_or_the_given_digits()
    {
        Assert.Equal("0.3333", Show.Format(1.0 / 3));
        Assert.Equal("0.33", Show.Format(1.0 / 3, significantDigits: 2));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Show.Format(1.0, significantDigits: 0));
        Assert.Equal("significantDigits", error.ParamName);
    }

    [Fact]
    public void Mini_markdown_keeps_tex_verbatim_and_renders_the_rest()
    {
        var html = MiniMarkdown.ToHtml("The **gradient** is $x_i * y_i$ and *not* `w*x`.\n\n- one\n- two <b>");
        Assert.Equal(
            "<p style=\"margin:4px 0\">The <strong>gradient</strong> is $x_i * y_i$ and <em>not</em> " +
            "<code style=\"font-family:ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;background:#f6f8fa;padding:0 3px;border-radius:3px\">w*x</code>.</p>" +
            "<ul style=\"margin:4px 0\"><li>one</li><li>two &lt;b&gt;</li></ul>",
            html);
    }

    [Fact]
    public void Tables_from_rows_check_every_row_against_the_headers()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TableData.FromRows(["a", "b"], new[] { new object[] { 1, 2 }, new object[] { 3 } }, 20, null));
        Assert.Equal("rows", error.ParamName);
        Assert.StartsWith("rows[1] has 1 values but there are 2 headers.", error.Message);
    }

    [Fact]
    public void Long_tables_say_how_many_rows_were_left_out()
    {
        var text = TableRenderer.ToText(TableData.FromRecords(Enumerable.Range(0, 30), 3, "Squares"), 4);
        Assert.Equal("Squares\nvalue\n-----\n    0\n    1\n    2\n... 27 more rows (30 in all)", text.Replace("\r\n", "\n"));
    }
}
