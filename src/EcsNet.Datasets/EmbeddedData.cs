using System.Reflection;

namespace EcsNet.Datasets;

/// <summary>Opens the data files embedded in this assembly under the logical names <c>EcsNet.Datasets.&lt;file&gt;</c>.</summary>
internal static class EmbeddedData
{
    /// <summary>Opens embedded file <paramref name="fileName"/>; a missing resource is a build defect, hence InvalidOperationException.</summary>
    public static Stream Open(string fileName)
    {
        string resource = "EcsNet.Datasets." + fileName;
        return Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing from the EcsNet.Datasets assembly.");
    }
}
