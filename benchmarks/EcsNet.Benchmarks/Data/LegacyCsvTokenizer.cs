using System.Text;

namespace EcsNet.Benchmarks.Data;

/// <summary>
/// The record splitter CsvDataReader used before it moved to Sep (a character at a time from the TextReader, a string
/// per field), kept here as the baseline of <see cref="CsvReaderBenchmarks"/>. Its error messages are shortened.
/// </summary>
internal sealed class LegacyCsvTokenizer(TextReader reader, char separator = ',')
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>The 1-based line on which the last record read starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at end of input. Blank lines are skipped.</summary>
    public bool TryReadRecord(List<string> fields)
    {
        while (true)
        {
            fields.Clear();
            if (reader.Peek() < 0)
            {
                return false;
            }
            RecordLine = _line;
            bool anyQuoted = ReadRecord(fields);
            // A line that is empty or only whitespace carries no data; trailing blank lines are common in real files.
            if (anyQuoted || fields.Count > 1 || fields[0].Length > 0)
            {
                return true;
            }
        }
    }

    private bool ReadRecord(List<string> fields)
    {
        bool anyQuoted = false;
        while (true)
        {
            _field.Clear();
            int c = reader.Read();
            while (c is ' ' or '\t' && c != separator)
            {
                c = reader.Read();
            }
            if (c == '"')
            {
                anyQuoted = true;
                c = ReadQuoted();
                while (c is ' ' or '\t' && c != separator)
                {
                    c = reader.Read();
                }
                if (c != separator && c is not ('\n' or '\r' or -1))
                {
                    throw new FormatException($"line {_line}: unexpected character after a closing quote");
                }
                fields.Add(_field.ToString());
            }
            else
            {
                while (c != separator && c is not ('\n' or '\r' or -1))
                {
                    _field.Append((char)c);
                    c = reader.Read();
                }
                fields.Add(_field.ToString().TrimEnd());
            }

            if (c == separator)
            {
                continue;
            }
            if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }
            if (c != -1)
            {
                _line++;
            }
            return anyQuoted;
        }
    }

    /// <summary>Reads a quoted field's content after its opening quote; returns the character after the closing quote.</summary>
    private int ReadQuoted()
    {
        int startLine = _line;
        while (true)
        {
            int c = reader.Read();
            switch (c)
            {
                case -1:
                    throw new FormatException($"line {startLine}: quoted field is never closed");
                case '"':
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                        break;
                    }
                    return reader.Read();
                case '\r':
                    if (reader.Peek() == '\n')
                    {
                        reader.Read();
                        _field.Append('\r');
                        c = '\n';
                    }
                    _line++;
                    _field.Append((char)c);
                    break;
                case '\n':
                    _line++;
                    _field.Append('\n');
                    break;
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }
}
