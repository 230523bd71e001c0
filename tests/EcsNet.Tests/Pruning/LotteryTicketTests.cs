using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Datasets;
using EcsNet.Pruning;
using EcsNet.Training;

namespace EcsNet.Tests.Pruning;

/// <summary>Iterative magnitude pruning with rewinding: survivors restart from θ₀ bit for bit, the smallest trained weights go.</summary>
public class LotteryTicketTests
{
    private static Network Initialise(long seed)
    {
        var network = NetworkBuilder.FullyConnected([4, 12, 3], [ActivationFunction.Tanh, ActivationFunction.Softmax], Initializer.Xavier, seed);
        network.Cost = CostFunction.SoftmaxCrossEntropy;
        return network;
    }

    [Fact]
    public void RewindingRestoresTheSurvivorsInitialWeightsBitForBit()
    {
        var data = Iris.Load();
        var (train, test) = data.Split(1.0 / 3, 5);
        var experiment = new LotteryTicket(new LotteryOptions(Rounds: 2, Rate: 0.25), new TrainingOptions { Epochs = 3, BatchSize = 8, LearningRate = 0.1f, Seed = 7 });

        // θ₀, built independently with the experiment's seed.
        using var reference = Initialise(7);
        var initial = reference.Synapses().ToDictionary(s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex), s => s.Weight);
        var initialBiases = Biases(reference);

        Network? ticket = null;
        var trained = new List<Dictionary<(int, int, int, int), float>>();
        var tickets = new List<Dictionary<(int, int, int, int), float>>();
        experiment.TicketReady += (_, network) =>
        {
            ticket = network;
            tickets.Add(network.Synapses().ToDictionary(s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex), s => s.Weight));
            Assert.Equal(initialBiases, Biases(network));
        };
        experiment.RoundCompleted += _ => trained.Add(ticket!.Synapses().ToDictionary(s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex), s => s.Weight));
        var rounds = experiment.Run(Initialise, train, test);

        Assert.Equal(3, rounds.Count);
        for (var r = 0; r < 3; r++)
        {
            // Every ticket holds θ₀ on its mask, bit for bit.
            Assert.All(tickets[r], p => Assert.Equal(BitConverter.SingleToInt32Bits(initial[p.Key]), BitConverter.SingleToInt32Bits(p.Value)));
            Assert.Equal(tickets[r].Count, rounds[r].Synapses);
        }

        for (var r = 1; r < 3; r++)
        {
            // The mask: in each layer, the 25 % of the previous ticket's synapses with the smallest trained |w| are gone.
            var previous = trained[r - 1];
            var expected = new HashSet<(int, int, int, int)>();
            foreach (var layer in previous.GroupBy(p => p.Key.Item3))
            {
                var cut = (int)Math.Round(0.25 * layer.Count(), MidpointRounding.AwayFromZero);
                expected.UnionWith(layer.OrderBy(p => Math.Abs(p.Value)).Skip(cut).Select(p => p.Key));
            }

            Assert.Equal(expected.Order(), tickets[r].Keys.Order());
            Assert.True(tickets[r].Count(p => p.Value != previous[p.Key]) > tickets[r].Count / 2, "training had moved the weights that rewinding restored");
        }

        // 4·12 + 12·3 = 84 synapses; round 1 keeps 36 + 27.
        Assert.Equal(1.0, rounds[0].Remaining);
        Assert.Equal(63.0 / 84, rounds[1].Remaining, 12);
        Assert.All(rounds, r => Assert.InRange(r.Ticket.BestTestAccuracy, r.Ticket.TestAccuracy, 1.0));
    }

    [Fact]
    public void TheRandomReinitControlTrainsTheSameMaskFromOtherWeights()
    {
        var data = Iris.Load();
        var (train, test) = data.Split(1.0 / 3, 5);
        var experiment = new LotteryTicket(new LotteryOptions(Rounds: 1, Rate: 0.5, RandomReinitControl: true), new TrainingOptions { Epochs = 2, BatchSize = 8, LearningRate = 0.1f, Seed = 3 });
        var rounds = experiment.Run(Initialise, train, test);
        Assert.Null(rounds[0].Control);
        Assert.NotNull(rounds[1].Control);
        Assert.Equal(24 + 18, rounds[1].Synapses);
    }

    [Fact]
    public void BadSchedulesAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LotteryTicket(new LotteryOptions(1, 1.0), new TrainingOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LotteryTicket(new LotteryOptions(1, 0), new TrainingOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LotteryTicket(new LotteryOptions(-1, 0.2), new TrainingOptions()));
    }

    private static float[] Biases(Network network)
        => Enumerable.Range(1, network.Layers.Count - 1).SelectMany(l => Enumerable.Range(0, network.Layers[l].Size).Select(j => network.GetBias(l, j))).ToArray();
}
