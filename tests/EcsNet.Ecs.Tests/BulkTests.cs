namespace EcsNet.Ecs.Tests;

public class BulkTests
{
    [Fact]
    public void OneMillionEntitiesWithThreeComponentsAreCreatedAndSumCorrectly()
    {
        const int n = 1_000_000;
        using var world = World.Create();
        world.Create(1, new Position(0, 0), new Velocity(0, 0), new Health(0)); // warm up the generic path
        world.Clear();

        // Its speed is measured by BenchmarkDotNet, not here: a wall-clock bound fails on a busy machine.
        world.Create(n, new Position(1, 2), new Velocity(3, 4), new Health(0));
        Assert.Equal(n, world.Size);

        // Give every entity a distinct value through the chunk spans, then sum through a delegate query.
        var description = new QueryDescription().WithAll<Position, Velocity, Health>();
        var next = 0;
        foreach (ref var chunk in world.Query(in description))
        {
            var healths = chunk.GetSpan<Health>();
            for (var i = 0; i < chunk.Count; i++)
            {
                healths[i].Value = ++next;
            }
        }

        long sum = 0;
        long positions = 0;
        world.Query(in description, (ref Position p, ref Velocity v, ref Health h) =>
        {
            sum += h.Value;
            positions += (long)(p.X + p.Y + v.X + v.Y);
        });

        Assert.Equal((long)n * (n + 1) / 2, sum);
        Assert.Equal(10L * n, positions);
        Assert.Equal(n, world.CountEntities(in description));
    }
}
