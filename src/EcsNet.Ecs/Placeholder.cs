namespace EcsNet.Ecs;

internal static class Placeholder
{
}
