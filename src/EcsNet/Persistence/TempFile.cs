namespace EcsNet.Persistence;

/// <summary>
/// The hidden temporary files of atomic writes: <c>.{name}.{guid}.tmp</c> beside the target, so a rename replaces
/// the target in one step. Also removes the ones a killed writer left behind.
/// </summary>
internal static class TempFile
{
    /// <summary>A writer that is still alive holds its file open; one untouched for this long is surely abandoned.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    /// <summary>A fresh temporary name for <paramref name="target"/> (a full path).</summary>
    public static string For(string target)
        => Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");

    /// <summary>
    /// Deletes temporary files of <paramref name="target"/> that no live writer holds (each writer opens its file
    /// exclusively) and that were last written a while ago, so a concurrent save between its close and its rename is
    /// never disturbed.
    /// </summary>
    public static void SweepStale(string target)
    {
        string folder = Path.GetDirectoryName(target)!;
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(folder, $".{Path.GetFileName(target)}.*.tmp");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (string file in candidates)
        {
            if (!IsOurs(Path.GetFileName(file), Path.GetFileName(target)) || DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < StaleAfter)
            {
                continue;
            }
            try
            {
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held by a live writer, or not ours to delete: leave it.
            }
        }
    }

    /// <summary>Deletes <paramref name="path"/> if it can; the caller's own error matters more than a leftover.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Why the file system refused, naming <paramref name="shown"/> where .NET named the temporary file.</summary>
    public static string Reason(Exception e, string temp, string shown) => e is UnauthorizedAccessException
        ? "permission denied"
        : e.Message.Replace(temp, shown, StringComparison.Ordinal).TrimEnd('.');

    /// <summary><c>.{name}.{32 hex digits}.tmp</c>: only files this writer could have made.</summary>
    private static bool IsOurs(string file, string name)
    {
        string prefix = $".{name}.";
        if (!file.StartsWith(prefix, StringComparison.Ordinal) || !file.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return false;
        }
        var guid = file.AsSpan(prefix.Length, file.Length - prefix.Length - 4);
        return guid.Length == 32 && Guid.TryParseExact(guid, "N", out _);
    }
}
