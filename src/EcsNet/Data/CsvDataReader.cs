using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EcsNet.Data;

/// <summary>
/// Reads a data set from CSV with a header row: numeric feature columns plus either one class-label column
/// (one-hot encoded) or numeric target columns.
/// </summary>
/// <remarks>
/// Classes are numbered in sorted order of their names: numerically when every label is a number, otherwise
/// ordinal string order, so the encoding does not depend on row order. Numbers use the invariant culture
/// ('.' decimal point). NaN, infinities and values outside the float range are rejected with line and column.
/// Quoted fields (RFC 4180) and blank lines are accepted; a quote inside an unquoted field is rejected, as RFC 4180
/// allows quotes only in quoted fields. Rows and columns are split by Sep; the checks above are this reader's.
/// </remarks>
public static class CsvDataReader
{
    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <param name="path">File path; error messages name it.</param>
    /// <param name="labelColumn">Class-label column, one-hot encoded into the targets.</param>
    /// <param name="targetColumns">Numeric target columns (regression or pre-encoded targets).</param>
    /// <param name="delimiter">The field separator; null detects ',', ';' or tab from the header row (<see cref="DetectDelimiter"/>).</param>
    /// <remarks>When neither <paramref name="labelColumn"/> nor <paramref name="targetColumns"/> is given, the last column is the class label. All other columns are features.</remarks>
    /// <exception cref="DataFormatException">The file is malformed; the message names the file, line, column and problem.</exception>
    /// <exception cref="ArgumentException">Both a label column and target columns were given.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static DataSet Read(string path, string? labelColumn = null, IReadOnlyList<string>? targetColumns = null, char? delimiter = null)
    {
        var separator = delimiter ?? DetectDelimiter(FirstLine(path));
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, labelColumn, targetColumns, Path.GetFileNameWithoutExtension(path), separator);
    }

    /// <summary>
    /// The separator a header row uses: whichever of ',', ';' and tab occurs most often outside quotes (',' on a tie or
    /// when none occurs, as for a one-column file).
    /// </summary>
    /// <param name="headerLine">The first line of the file.</param>
    public static char DetectDelimiter(string headerLine)
    {
        ArgumentNullException.ThrowIfNull(headerLine);
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in headerLine)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case ',' when !quoted:
                    commas++;
                    break;
                case ';' when !quoted:
                    semicolons++;
                    break;
                case '\t' when !quoted:
                    tabs++;
                    break;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    private static string FirstLine(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return reader.ReadLine() ?? "";
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; see <see cref="Read(string, string?, IReadOnlyList{string}?, char?)"/>.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">Name used in error messages.</param>
    /// <param name="labelColumn">Class-label column, one-hot encoded into the targets.</param>
    /// <param name="targetColumns">Numeric target columns.</param>
    /// <param name="name">Name of the data set; defaults to <paramref name="sourceName"/>.</param>
    /// <param name="delimiter">The field separator.</param>
    /// <exception cref="DataFormatException">The text is malformed.</exception>
    /// <exception cref="ArgumentException">Both a label column and target columns were given.</exception>
    public static DataSet Read(TextReader reader, string sourceName, string? labelColumn = null, IReadOnlyList<string>? targetColumns = null, string? name = null, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (labelColumn is not null && targetColumns is not null)
        {
            throw new ArgumentException("Give either a label column or target columns, not both.", nameof(targetColumns));
        }
        if (targetColumns is not null && targetColumns.Count == 0)
        {
            throw new ArgumentException("targetColumns must name at least one column.", nameof(targetColumns));
        }

        using var fields = new CsvTokenizer(reader, sourceName, delimiter);
        string[] header = Header(fields, sourceName);

        int labelIndex = -1;
        int[] targetIndices;
        if (targetColumns is not null)
        {
            targetIndices = [.. targetColumns.Select(c => FindColumn(header, c, "target", sourceName))];
            if (targetIndices.Distinct().Count() != targetIndices.Length)
            {
                throw new ArgumentException("targetColumns names a column more than once.", nameof(targetColumns));
            }
        }
        else
        {
            labelIndex = labelColumn is null ? header.Length - 1 : FindColumn(header, labelColumn, "label", sourceName);
            targetIndices = [];
        }
        int[] featureIndices = [.. Enumerable.Range(0, header.Length).Where(i => i != labelIndex && !targetIndices.Contains(i))];
        if (featureIndices.Length == 0)
        {
            throw new DataFormatException(sourceName, $"no feature columns: every column of the header ({string.Join(", ", header)}) is a label or target");
        }

        var inputs = new List<float>();
        var targets = new List<float>();
        var labelNames = new List<string>();
        while (fields.TryReadRecord())
        {
            int line = fields.RecordLine;
            CheckFieldCount(fields, header, sourceName);
            foreach (int f in featureIndices)
            {
                inputs.Add(ParseNumber(fields[f], header[f], line, sourceName));
            }
            foreach (int t in targetIndices)
            {
                targets.Add(ParseNumber(fields[t], header[t], line, sourceName));
            }
            if (labelIndex >= 0)
            {
                string label = fields[labelIndex].Trim().ToString();
                if (label.Length == 0)
                {
                    throw new DataFormatException(sourceName, $"line {line}, column '{header[labelIndex]}': empty class label");
                }
                labelNames.Add(label);
            }
        }
        int count = inputs.Count / featureIndices.Length;
        if (count == 0)
        {
            throw new DataFormatException(sourceName, "has a header row but no data rows");
        }

        string setName = name ?? sourceName;
        if (labelIndex < 0)
        {
            return new DataSet(setName, [.. inputs], [.. targets], featureIndices.Length, targetIndices.Length);
        }
        string[] classes = SortClasses(labelNames.Distinct(StringComparer.Ordinal));
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < classes.Length; c++)
        {
            classIndex[classes[c]] = c;
        }
        var labels = new int[count];
        var oneHot = new float[count * classes.Length];
        for (int i = 0; i < count; i++)
        {
            labels[i] = classIndex[labelNames[i]];
            oneHot[i * classes.Length + labels[i]] = 1f;
        }
        return new DataSet(setName, [.. inputs], oneHot, featureIndices.Length, classes.Length, labels, classes);
    }

    /// <summary>
    /// Reads a CSV file whose every column is a feature (no label or target column): unlabelled data to predict on.
    /// </summary>
    /// <param name="path">File path; error messages name it.</param>
    /// <param name="expectedInputs">The number of features the caller can use (e.g. a model's inputs).</param>
    /// <param name="features">Sample-major features, <c>features[i * expectedInputs + f]</c>, when the method returns true.</param>
    /// <returns>
    /// False, reading no data rows, when the header does not have exactly <paramref name="expectedInputs"/> columns:
    /// the file then has label or target columns besides the features and is read with <see cref="Read(string, string?, IReadOnlyList{string}?, char?)"/>.
    /// </returns>
    /// <remarks>
    /// There is no <see cref="DataSet"/> here on purpose: a data set always has targets, and inventing some would
    /// let a caller measure an accuracy against labels that do not exist. Values are checked like <see cref="Read(string, string?, IReadOnlyList{string}?, char?)"/> checks features.
    /// </remarks>
    /// <exception cref="DataFormatException">The file is malformed; the message names the file, line, column and problem.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static bool TryReadFeatures(string path, int expectedInputs, [NotNullWhen(true)] out float[]? features)
    {
        var separator = DetectDelimiter(FirstLine(path));
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return TryReadFeatures(reader, path, expectedInputs, out features, separator);
    }

    /// <summary>Reads feature-only CSV text from <paramref name="reader"/>; see <see cref="TryReadFeatures(string, int, out float[])"/>.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">Name used in error messages.</param>
    /// <param name="expectedInputs">The number of features the caller can use.</param>
    /// <param name="features">Sample-major features when the method returns true.</param>
    /// <param name="delimiter">The field separator.</param>
    /// <returns>False when the header does not have exactly <paramref name="expectedInputs"/> columns.</returns>
    /// <exception cref="DataFormatException">The text is malformed.</exception>
    public static bool TryReadFeatures(TextReader reader, string sourceName, int expectedInputs, [NotNullWhen(true)] out float[]? features, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedInputs);
        features = null;

        using var fields = new CsvTokenizer(reader, sourceName, delimiter);
        string[] header = Header(fields, sourceName);
        if (header.Length != expectedInputs)
        {
            return false;
        }

        var values = new List<float>();
        while (fields.TryReadRecord())
        {
            int line = fields.RecordLine;
            CheckFieldCount(fields, header, sourceName);
            for (int f = 0; f < header.Length; f++)
            {
                values.Add(ParseNumber(fields[f], header[f], line, sourceName));
            }
        }
        if (values.Count == 0)
        {
            throw new DataFormatException(sourceName, "has a header row but no data rows");
        }
        features = [.. values];
        return true;
    }

    /// <summary>Reads the first record as the header (names trimmed) and checks it.</summary>
    private static string[] Header(CsvTokenizer fields, string source)
    {
        if (!fields.TryReadRecord())
        {
            throw new DataFormatException(source, "file is empty; expected a header row and data rows");
        }

        var header = new string[fields.Count];
        for (int i = 0; i < header.Length; i++)
        {
            header[i] = fields[i].Trim().ToString();
        }

        CheckHeader(header, source, fields.RecordLine);
        return header;
    }

    private static void CheckFieldCount(CsvTokenizer fields, string[] header, string source)
    {
        if (fields.Count != header.Length)
        {
            throw new DataFormatException(source, $"line {fields.RecordLine}: {fields.Count} fields but the header has {header.Length} columns");
        }
    }

    private static void CheckHeader(string[] header, string source, int line)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                throw new DataFormatException(source, $"line {line}: header column {i + 1} has no name");
            }
            if (!seen.TryAdd(header[i], i))
            {
                throw new DataFormatException(source, $"line {line}: header names column '{CsvTokenizer.Printable(header[i])}' twice (columns {seen[header[i]] + 1} and {i + 1})");
            }
        }
    }

    private static int FindColumn(string[] header, string column, string role, string source)
    {
        int index = Array.IndexOf(header, column);
        if (index < 0)
        {
            // Fall back to a case-insensitive match, but only when it is unambiguous.
            var matches = Enumerable.Range(0, header.Length).Where(i => string.Equals(header[i], column, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (matches.Length == 1)
            {
                return matches[0];
            }
            throw new DataFormatException(source, $"{role} column '{column}' not found; the header has: {string.Join(", ", header.Select(CsvTokenizer.Printable))}");
        }
        return index;
    }

    private static float ParseNumber(ReadOnlySpan<char> field, string column, int line, string source)
    {
        var text = field.Trim();
        if (text.Length == 0)
        {
            throw new DataFormatException(source, $"line {line}, column '{column}': missing value");
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new DataFormatException(source, $"line {line}, column '{column}': '{CsvTokenizer.Printable(text.ToString())}' is not a number");
        }
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new DataFormatException(source, $"line {line}, column '{column}': value '{CsvTokenizer.Printable(text.ToString())}' is NaN or infinite; only finite numbers are allowed");
        }
        float single = (float)value;
        if (float.IsInfinity(single))
        {
            throw new DataFormatException(source, $"line {line}, column '{column}': value '{CsvTokenizer.Printable(text.ToString())}' is outside the float range (±3.4e38)");
        }
        return single;
    }

    private static string[] SortClasses(IEnumerable<string> names)
    {
        string[] classes = [.. names];
        bool numeric = classes.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        if (numeric)
        {
            return [.. classes.OrderBy(c => double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ThenBy(c => c, StringComparer.Ordinal)];
        }
        Array.Sort(classes, StringComparer.Ordinal);
        return classes;
    }
}
