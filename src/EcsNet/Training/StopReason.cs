namespace EcsNet.Training;

/// <summary>Why training ended.</summary>
public enum StopReason
{
    /// <summary>All epochs ran.</summary>
    Completed,

    /// <summary>The training cost reached the error threshold.</summary>
    ErrorThreshold,

    /// <summary>The validation cost stopped improving; the best weights were restored.</summary>
    EarlyStopping,

    /// <summary>The cost became NaN or infinite; the weights of the last good epoch were restored.</summary>
    Diverged,

    /// <summary>Cancelled between two mini-batches.</summary>
    Cancelled,
}
