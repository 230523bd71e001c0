using System.Text;

namespace EcsNet.Data;

/// <summary>
/// Splits CSV text into records per RFC 4180: comma (or <paramref name="separator"/>) separators, fields optionally in
/// double quotes with <c>""</c> for a quote and line breaks allowed inside quotes; LF, CRLF or CR line ends. Unquoted
/// fields are trimmed.
/// </summary>
internal sealed class CsvTokenizer(TextReader reader, string source, char separator = ',')
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
                    throw new DataFormatException(source, $"line {_line}: unexpected character '{Printable((char)c)}' after a closing quote; expected {Name(separator)} or the end of the line");
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
                    throw new DataFormatException(source, $"line {startLine}: quoted field is never closed");
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

    /// <summary>"a comma", "a semicolon", "a tab" or "'|'".</summary>
    public static string Name(char separator) => separator switch
    {
        ',' => "a comma",
        ';' => "a semicolon",
        '\t' => "a tab",
        _ => $"'{Printable(separator)}'",
    };

    /// <summary>Renders a value for a one-line error message: control characters escaped, long values cut.</summary>
    public static string Printable(string value)
    {
        var sb = new StringBuilder();
        foreach (char ch in value.Length > 40 ? value[..40] : value)
        {
            sb.Append(Printable(ch));
        }
        if (value.Length > 40)
        {
            sb.Append('…');
        }
        return sb.ToString();
    }

    private static string Printable(char ch) => char.IsControl(ch) || char.IsSurrogate(ch) ? $"\\u{(int)ch:x4}" : ch.ToString();
}
