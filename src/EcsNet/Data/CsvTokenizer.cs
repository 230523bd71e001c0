using System.Text;
using nietras.SeparatedValues;

namespace EcsNet.Data;

/// <summary>
/// Splits CSV text into records per RFC 4180: comma (or another one-character) separators, fields optionally in
/// double quotes with <c>""</c> for a quote and line breaks allowed inside quotes; LF, CRLF or CR line ends. Unquoted
/// fields are trimmed. Sep finds the rows and columns (vectorised, without a string per field); the quoting rules,
/// trimming and error messages are checked here on each raw column.
/// </summary>
internal sealed class CsvTokenizer : IDisposable
{
    private readonly SepReader _reader;
    private readonly string _source;
    private readonly char _separator;
    private char[] _chars = new char[1024];
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int _used;
    private int _nextLine = 1;

    public CsvTokenizer(TextReader reader, string source, char separator = ',')
    {
        _source = source;
        _separator = separator;
        // No header (the caller checks it), and no column-count check: a ragged row gets our message, not Sep's.
        _reader = Sep.New(separator).Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(reader);
    }

    /// <summary>The 1-based line on which the last record read starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>The number of fields of the last record read.</summary>
    public int Count { get; private set; }

    /// <summary>Field <paramref name="index"/> of the last record: unquoted and trimmed; valid until the next read.</summary>
    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _lengths[index]);

    /// <summary>Reads the next record; false at end of input. Blank lines are skipped.</summary>
    public bool TryReadRecord()
    {
        while (Next())
        {
            var row = _reader.Current;
            // Counted here rather than taken from Sep, whose first row reports line 2.
            RecordLine = _nextLine;
            _nextLine += LineBreaks(row.Span) + 1;
            var anyQuoted = Split(row);
            // A line that is empty or only whitespace carries no data; trailing blank lines are common in real files.
            if (anyQuoted || Count > 1 || _lengths[0] > 0)
            {
                return true;
            }
        }

        Count = 0;
        return false;
    }

    public void Dispose() => _reader.Dispose();

    private bool Next()
    {
        try
        {
            return _reader.MoveNext();
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(_source, $"line {_nextLine}: {e.Message}");
        }
    }

    /// <summary>Copies the row's fields, unquoted and trimmed, into the buffer; true when any field was quoted.</summary>
    private bool Split(SepReader.Row row)
    {
        var count = row.ColCount;
        if (_starts.Length < count)
        {
            Array.Resize(ref _starts, Math.Max(count, 2 * _starts.Length));
            Array.Resize(ref _lengths, _starts.Length);
        }

        _used = 0;
        var line = RecordLine;
        var anyQuoted = false;
        for (var c = 0; c < count; c++)
        {
            var raw = row[c].Span;
            var text = raw[Blanks(raw)..];
            _starts[c] = _used;
            if (text.Length > 0 && text[0] == '"')
            {
                anyQuoted = true;
                Unquote(text, line);
                // Only a quoted field can hold a line break.
                line += LineBreaks(raw);
            }
            else
            {
                if (text.Contains('"'))
                {
                    // Sep reads a quote anywhere as the start of quoting, so a stray one would silently merge fields.
                    throw new DataFormatException(_source,
                        $"line {line}: a quote inside an unquoted field ('{Printable(text.ToString())}'); quote the whole field and double the quotes in it");
                }

                Append(text.TrimEnd());
            }

            _lengths[c] = _used - _starts[c];
        }

        Count = count;
        return anyQuoted;
    }

    /// <summary>How many blanks start <paramref name="text"/>: spaces and tabs, but not the separator itself.</summary>
    private int Blanks(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && text[i] is (' ' or '\t') && text[i] != _separator)
        {
            i++;
        }

        return i;
    }

    /// <summary>Appends a quoted field's content (<c>""</c> read as <c>"</c>); checks that only blanks follow the closing quote.</summary>
    private void Unquote(ReadOnlySpan<char> text, int line)
    {
        var i = 1;
        while (true)
        {
            var quote = text[i..].IndexOf('"');
            if (quote < 0)
            {
                throw new DataFormatException(_source, $"line {line}: quoted field is never closed");
            }

            Append(text.Slice(i, quote));
            i += quote + 1;
            if (i < text.Length && text[i] == '"')
            {
                Append("\"");
                i++;
                continue;
            }

            break;
        }

        var rest = text[i..];
        rest = rest[Blanks(rest)..];
        if (rest.Length > 0)
        {
            throw new DataFormatException(_source,
                $"line {line + LineBreaks(text[..i])}: unexpected character '{Printable(rest[0])}' after a closing quote; expected {Name(_separator)} or the end of the line");
        }
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_used + text.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_used + text.Length, 2 * _chars.Length));
        }

        text.CopyTo(_chars.AsSpan(_used));
        _used += text.Length;
    }

    /// <summary>Line ends in <paramref name="text"/>: CRLF, LF and a lone CR each count once.</summary>
    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        var breaks = 0;
        for (var i = text.IndexOfAny('\r', '\n'); i >= 0; i = text.IndexOfAny('\r', '\n'))
        {
            breaks++;
            var crlf = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n';
            text = text[(i + (crlf ? 2 : 1))..];
        }

        return breaks;
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
