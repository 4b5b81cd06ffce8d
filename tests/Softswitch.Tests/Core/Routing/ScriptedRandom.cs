namespace Softswitch.Tests.Core.Routing;

/// <summary>
/// A <see cref="Random"/> that answers from a script, so every random choice of a dial plan (target, '?' digit,
/// range pick) is known in advance. Each answer is checked against the bounds the caller asked for; a call past the
/// end of the script fails the test.
/// </summary>
internal sealed class ScriptedRandom : Random
{
    private readonly Queue<long> _answers;

    public ScriptedRandom(params long[] answers) => _answers = new Queue<long>(answers);

    public List<(long Min, long Max)> Asked { get; } = [];

    public override int Next(int maxValue) => Next(0, maxValue);

    public override int Next(int minValue, int maxValue) => (int)NextInt64(minValue, maxValue);

    public override long NextInt64(long minValue, long maxValue)
    {
        Asked.Add((minValue, maxValue));
        Assert.That(_answers, Is.Not.Empty, $"unexpected random draw in [{minValue}, {maxValue})");
        long answer = _answers.Dequeue();
        Assert.That(answer, Is.InRange(minValue, maxValue - 1), "the script answers outside the asked bounds");
        return answer;
    }
}
