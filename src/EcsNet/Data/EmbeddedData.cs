using System.Reflection;

namespace EcsNet.Data;

/// <summary>Opens the data files embedded in the EcsNet assembly under the logical names <c>EcsNet.Data.&lt;file&gt;</c>.</summary>
internal static class EmbeddedData
{
    /// <summary>Opens embedded file <paramref name="fileName"/>; a missing resource is a build defect, hence InvalidOperationException.</summary>
    public static Stream Open(string fileName)
    {
        string resource = "EcsNet.Data." + fileName;
        return Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing from the EcsNet assembly.");
    }
}
