namespace EcsNet.Pruning;

/// <summary>What one round of a lottery-ticket experiment measured.</summary>
/// <param name="Round">0 for the dense network, then 1, 2, …</param>
/// <param name="Synapses">The synapses the round trained.</param>
/// <param name="Remaining">Synapses / the dense network's synapses.</param>
/// <param name="Ticket">The rewound subnetwork's training (initial weights θ₀ on the mask).</param>
/// <param name="Control">The same mask from fresh random weights, when the control was asked for (from round 1 on).</param>
public sealed record LotteryRound(int Round, int Synapses, double Remaining, LotteryRun Ticket, LotteryRun? Control);

/// <summary>One training run of a round.</summary>
/// <param name="BestTestAccuracy">The highest test accuracy after any epoch.</param>
/// <param name="TestAccuracy">The test accuracy after the last epoch.</param>
/// <param name="EpochSeconds">The mean wall time of an epoch's training.</param>
public sealed record LotteryRun(double BestTestAccuracy, double TestAccuracy, double EpochSeconds);
