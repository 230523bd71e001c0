namespace EcsNet.Systems;

/// <summary>
/// The points of a training step where systems run, in order. The built-in passes own <see cref="Feedforward"/>,
/// <see cref="Backpropagation"/> and <see cref="Update"/>; the other phases are for user systems.
/// </summary>
public enum StepPhase
{
    /// <summary>Before z and a are computed: set masks, constrain inputs. The batch's inputs (and targets) are loaded.</summary>
    BeforeFeedforward,

    /// <summary>The built-in feedforward pass: z_j^l and a_j^l for every neuron and sample.</summary>
    Feedforward,

    /// <summary>After the feedforward pass: z and a are final for the batch.</summary>
    AfterFeedforward,

    /// <summary>The built-in passes δ^L, δ^l and ∂C/∂w, ∂C/∂b (training steps only).</summary>
    Backpropagation,

    /// <summary>After backpropagation: δ and the accumulated ∂C/∂w, ∂C/∂b are ready, nothing is updated yet.</summary>
    AfterBackpropagation,

    /// <summary>The built-in update: w ← w − η/m ∂C/∂w (or the optimiser's rule), gradients cleared.</summary>
    Update,

    /// <summary>After the update: the new weights are in place (constraints, pruning, local rules).</summary>
    AfterUpdate,

    /// <summary>Once after each epoch of <see cref="Training.Trainer.Train"/>, before the epoch is measured.</summary>
    EndOfEpoch,
}
