namespace EcsNet.Ecs.Tests;

/// <summary>
/// Random seeded sequences of structural changes and queries, checked after every step against a plain reference model
/// (a dictionary from entity to component values). A failure names the seed and step, so it can be replayed alone.
/// </summary>
public class ModelBasedTests
{
    private const int SeedsPerBatch = 500;
    private const int StepsPerSequence = 50;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomSequencesMatchTheReferenceModel(int batch)
    {
        for (var seed = batch * SeedsPerBatch; seed < (batch + 1) * SeedsPerBatch; seed++)
        {
            new Sequence(seed).Run(StepsPerSequence);
        }
    }

    /// <summary>The model's view of one entity: which components it has and their values (null = absent).</summary>
    private sealed class Values
    {
        public int? Health;
        public double? Mass;
        public long? Huge;
        public bool Frozen;

        public Values Clone() => (Values)MemberwiseClone();

        public override string ToString() => $"Health={Health} Mass={Mass} Huge={Huge} Frozen={Frozen}";
    }

    private sealed class Sequence(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly Dictionary<Entity, Values> _model = [];
        private readonly List<Entity> _stale = [];
        private World _world = null!;
        private int _step;
        private string _operation = "";

        public void Run(int steps)
        {
            using var world = World.Create(entityCapacity: 4);
            _world = world;
            for (_step = 0; _step < steps; _step++)
            {
                var roll = _random.Next(100);
                switch (roll)
                {
                    case < 22: CreateOne(); break;
                    case < 30: CreateBulk(); break;
                    case < 48: DestroyOne(); break;
                    case < 63: AddOne(); break;
                    case < 76: RemoveOne(); break;
                    case < 86: SetOne(); break;
                    case < 89: UseStale(); break;
                    case < 91: TrimOrClear(); break;
                    default: QueryRandom(); break;
                }

                Verify();
            }
        }

        /// <summary>Fails with the seed, step and operation. Callers test first, so no message is formatted on success.</summary>
        private void Check(bool condition, string message)
        {
            if (!condition)
            {
                Fail(message);
            }
        }

        private void Fail(string message) =>
            throw new Xunit.Sdk.XunitException($"seed {seed}, step {_step} ({_operation}): {message}");

        private Entity? RandomLiving()
        {
            if (_model.Count == 0)
            {
                return null;
            }

            var index = _random.Next(_model.Count);
            foreach (var entity in _model.Keys)
            {
                if (index-- == 0)
                {
                    return entity;
                }
            }

            return null;
        }

        private void CreateOne()
        {
            var health = _random.Next(1000);
            var mass = _random.NextDouble();
            var huge = _random.NextInt64();
            Entity entity;
            Values values;
            switch (_random.Next(5))
            {
                case 0:
                    _operation = "Create<Health, Mass>";
                    entity = _world.Create(new Health(health), new Mass(mass));
                    values = new Values { Health = health, Mass = mass };
                    break;
                case 1:
                    _operation = "Create<Huge>";
                    entity = _world.Create(new Huge(huge));
                    values = new Values { Huge = huge };
                    break;
                case 2:
                    _operation = "Create<Health, Huge, Frozen>";
                    entity = _world.Create(new Health(health), new Huge(huge), new Frozen());
                    values = new Values { Health = health, Huge = huge, Frozen = true };
                    break;
                default:
                    // A random signature with default values (possibly no component at all).
                    var types = new List<ComponentType>();
                    values = new Values();
                    if (_random.Next(2) == 0)
                    {
                        types.Add(Component<Health>.ComponentType);
                        values.Health = 0;
                    }

                    if (_random.Next(2) == 0)
                    {
                        types.Add(Component<Mass>.ComponentType);
                        values.Mass = 0;
                    }

                    if (_random.Next(2) == 0)
                    {
                        types.Add(Component<Huge>.ComponentType);
                        values.Huge = 0;
                    }

                    if (_random.Next(2) == 0)
                    {
                        types.Add(Component<Frozen>.ComponentType);
                        values.Frozen = true;
                    }

                    _operation = $"Create({string.Join(", ", types)})";
                    entity = _world.Create(types.ToArray());
                    break;
            }

            if (_model.ContainsKey(entity))
            {
                Fail($"{entity} was handed out twice");
            }

            if (_stale.Contains(entity))
            {
                Fail($"{entity} repeats a destroyed handle");
            }

            _model.Add(entity, values);
        }

        private void CreateBulk()
        {
            var amount = _random.Next(0, 50);
            var before = new HashSet<Entity>(AllEntities());
            var health = _random.Next(1000);
            var huge = _random.NextInt64();
            Values values;
            if (_random.Next(2) == 0)
            {
                _operation = $"Create<Huge>({amount})";
                _world.Create(amount, new Huge(huge));
                values = new Values { Huge = huge };
            }
            else
            {
                _operation = $"Create<Health, Huge, Frozen>({amount})";
                _world.Create(amount, new Health(health), new Huge(huge), new Frozen());
                values = new Values { Health = health, Huge = huge, Frozen = true };
            }

            var created = AllEntities().Where(e => !before.Contains(e)).ToList();
            if (created.Count != amount)
            {
                Fail($"bulk create made {created.Count} entities, not {amount}");
            }

            foreach (var entity in created)
            {
                if (_stale.Contains(entity))
                {
                    Fail($"{entity} repeats a destroyed handle");
                }

                _model.Add(entity, values.Clone());
            }
        }

        private void DestroyOne()
        {
            if (RandomLiving() is not { } entity)
            {
                return;
            }

            _operation = $"Destroy({entity})";
            _world.Destroy(entity);
            _model.Remove(entity);
            _stale.Add(entity);
        }

        private void AddOne()
        {
            if (RandomLiving() is not { } entity)
            {
                return;
            }

            var values = _model[entity];
            var value = _random.Next(1, 1000);
            switch (_random.Next(4))
            {
                case 0:
                    _operation = $"Add<Health>({entity})";
                    AddOrExpectThrow(values.Health is not null, () => _world.Add(entity, new Health(value)), () => values.Health = value);
                    break;
                case 1:
                    _operation = $"Add<Mass>({entity})";
                    AddOrExpectThrow(values.Mass is not null, () => _world.Add(entity, new Mass(value)), () => values.Mass = value);
                    break;
                case 2:
                    _operation = $"Add<Huge>({entity})";
                    AddOrExpectThrow(values.Huge is not null, () => _world.Add(entity, new Huge(value)), () => values.Huge = value);
                    break;
                default:
                    _operation = $"Add<Frozen>({entity})";
                    AddOrExpectThrow(values.Frozen, () => _world.Add<Frozen>(entity), () => values.Frozen = true);
                    break;
            }
        }

        private void RemoveOne()
        {
            if (RandomLiving() is not { } entity)
            {
                return;
            }

            var values = _model[entity];
            switch (_random.Next(4))
            {
                case 0:
                    _operation = $"Remove<Health>({entity})";
                    AddOrExpectThrow(values.Health is null, () => _world.Remove<Health>(entity), () => values.Health = null);
                    break;
                case 1:
                    _operation = $"Remove<Mass>({entity})";
                    AddOrExpectThrow(values.Mass is null, () => _world.Remove<Mass>(entity), () => values.Mass = null);
                    break;
                case 2:
                    _operation = $"Remove<Huge>({entity})";
                    AddOrExpectThrow(values.Huge is null, () => _world.Remove<Huge>(entity), () => values.Huge = null);
                    break;
                default:
                    _operation = $"Remove<Frozen>({entity})";
                    AddOrExpectThrow(!values.Frozen, () => _world.Remove<Frozen>(entity), () => values.Frozen = false);
                    break;
            }
        }

        /// <summary>Runs a structural change that must throw when <paramref name="mustThrow"/>, else applies it to the model.</summary>
        private void AddOrExpectThrow(bool mustThrow, Action change, Action applyToModel)
        {
            if (mustThrow)
            {
                var threw = false;
                try
                {
                    change();
                }
                catch (InvalidOperationException)
                {
                    threw = true;
                }

                Check(threw, "the invalid structural change did not throw");
                return;
            }

            change();
            applyToModel();
        }

        private void SetOne()
        {
            if (RandomLiving() is not { } entity)
            {
                return;
            }

            var values = _model[entity];
            var value = _random.Next(1, 1_000_000);
            _operation = $"Set({entity})";
            if (values.Health is not null && _random.Next(3) == 0)
            {
                _world.Set(entity, new Health(value));
                values.Health = value;
            }
            else if (values.Mass is not null && _random.Next(2) == 0)
            {
                _world.Get<Mass>(entity).Value = value;
                values.Mass = value;
            }
            else if (values.Huge is not null)
            {
                _world.Set(entity, new Huge(value));
                values.Huge = value;
            }
        }

        private void UseStale()
        {
            if (_stale.Count == 0)
            {
                return;
            }

            var entity = _stale[_random.Next(_stale.Count)];
            _operation = $"use stale {entity}";
            var threw = false;
            try
            {
                _world.Get<Health>(entity);
            }
            catch (InvalidOperationException exception)
            {
                threw = exception.Message.Contains("is not alive", StringComparison.Ordinal);
            }

            Check(threw, "Get on a stale handle did not throw 'is not alive'");
        }

        private void TrimOrClear()
        {
            if (_random.Next(4) > 0)
            {
                _operation = "TrimExcess";
                _world.TrimExcess();
                return;
            }

            _operation = "Clear";
            _world.Clear();
            _stale.AddRange(_model.Keys);
            _model.Clear();
        }

        private void QueryRandom()
        {
            var all = RandomSet();
            var any = RandomSet();
            var none = RandomSet();
            var exclusive = _random.Next(6) == 0 ? RandomSet() : [];
            var description = new QueryDescription(all, any, none, exclusive);
            _operation = $"Query({description})";

            bool Expected(Values v)
            {
                var present = new HashSet<ComponentType>();
                if (v.Health is not null)
                {
                    present.Add(Component<Health>.ComponentType);
                }

                if (v.Mass is not null)
                {
                    present.Add(Component<Mass>.ComponentType);
                }

                if (v.Huge is not null)
                {
                    present.Add(Component<Huge>.ComponentType);
                }

                if (v.Frozen)
                {
                    present.Add(Component<Frozen>.ComponentType);
                }

                if (exclusive.Length > 0)
                {
                    return present.SetEquals(exclusive);
                }

                return all.All(present.Contains) && (any.Length == 0 || any.Any(present.Contains)) && !none.Any(present.Contains);
            }

            var expected = _model.Where(p => Expected(p.Value)).Select(p => p.Key).OrderBy(e => e).ToArray();
            var actual = new Entity[_world.CountEntities(in description)];
            _world.GetEntities(in description, actual);
            Array.Sort(actual);
            if (!expected.SequenceEqual(actual))
            {
                Fail($"query returned {actual.Length} entities, the model expects {expected.Length}");
            }


            if (all.Contains(Component<Health>.ComponentType) && exclusive.Length == 0)
            {
                var visited = 0;
                _world.Query(in description, (Entity entity, ref Health health) =>
                {
                    visited++;
                    if (_model[entity].Health != health.Value)
                    {
                        Fail($"query saw Health {health.Value} on {entity}");
                    }
                });
                Check(visited == expected.Length, "the delegate query visited a different number of entities");
            }
        }

        private ComponentType[] RandomSet()
        {
            var set = new List<ComponentType>();
            foreach (var type in new[] { Component<Health>.ComponentType, Component<Mass>.ComponentType, Component<Huge>.ComponentType, Component<Frozen>.ComponentType })
            {
                if (_random.Next(4) == 0)
                {
                    set.Add(type);
                }
            }

            return set.ToArray();
        }

        private List<Entity> AllEntities()
        {
            var everything = new QueryDescription();
            var entities = new Entity[_world.CountEntities(in everything)];
            _world.GetEntities(in everything, entities);
            return [.. entities];
        }

        private void Verify()
        {
            if (_world.Size != _model.Count)
            {
                Fail($"world size {_world.Size}, model size {_model.Count}");
            }

            foreach (var (entity, values) in _model)
            {
                if (!_world.IsAlive(entity))
                {
                    Fail($"{entity} should be alive");
                }

                if (_world.TryGet<Health>(entity, out var health) != values.Health.HasValue || (values.Health.HasValue && health.Value != values.Health))
                {
                    Fail($"{entity} Health differs: model {values}");
                }

                if (_world.TryGet<Mass>(entity, out var mass) != values.Mass.HasValue || (values.Mass.HasValue && mass.Value != values.Mass))
                {
                    Fail($"{entity} Mass differs: model {values}");
                }

                if (_world.TryGet<Huge>(entity, out var huge) != values.Huge.HasValue || (values.Huge.HasValue && huge.Value != values.Huge))
                {
                    Fail($"{entity} Huge differs: model {values}");
                }

                if (_world.Has<Frozen>(entity) != values.Frozen)
                {
                    Fail($"{entity} Frozen differs: model {values}");
                }
            }

            foreach (var entity in _stale)
            {
                if (_world.IsAlive(entity))
                {
                    Fail($"stale {entity} is alive");
                }
            }

            // Chunk packing: within each archetype every chunk but the last is full, none is empty, rows hold unique living entities.
            var seen = new HashSet<Entity>();
            foreach (var archetype in _world.Archetypes)
            {
                var total = 0;
                for (var c = 0; c < archetype.ChunkCount; c++)
                {
                    var chunk = archetype.Chunks[c];
                    if (chunk.Count > chunk.Capacity)
                    {
                        Fail($"chunk {c} of {archetype} holds {chunk.Count} > {chunk.Capacity}");
                    }

                    if (chunk.Count == 0)
                    {
                        Fail($"chunk {c} of {archetype} is empty but in use");
                    }

                    if (c < archetype.ChunkCount - 1 && chunk.Count != chunk.Capacity)
                    {
                        Fail($"chunk {c} of {archetype} is not full but not last");
                    }

                    for (var row = 0; row < chunk.Count; row++)
                    {
                        var entity = chunk.Entity(row);
                        if (!seen.Add(entity))
                        {
                            Fail($"{entity} appears twice in the chunks");
                        }

                        if (!_model.ContainsKey(entity))
                        {
                            Fail($"{entity} is in a chunk but not in the model");
                        }

                        if (chunk.Has<Huge>())
                        {
                            if (chunk.GetSpan<Huge>()[row].Value != _model[entity].Huge)
                            {
                                Fail($"{entity}'s row holds a different Huge");
                            }
                        }
                    }

                    total += chunk.Count;
                }

                if (total != archetype.EntityCount)
                {
                    Fail($"{archetype} counts {archetype.EntityCount} but its chunks hold {total}");
                }
            }

            if (seen.Count != _model.Count)
            {
                Fail($"chunks hold {seen.Count} entities, the model {_model.Count}");
            }
        }
    }
}
