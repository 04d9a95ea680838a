using System.Diagnostics.CodeAnalysis;

namespace VeSiting.Core.Outcomes;

/// <summary>An answer or the refusal to give one (<see cref="Refusal"/>): expected outcomes are results, not exceptions.</summary>
public readonly struct Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, Refusal? refusal)
    {
        _value = value;
        Refusal = refusal;
    }

    /// <summary>Null when there is an answer.</summary>
    public Refusal? Refusal { get; }

    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Answered => Refusal is null;

    /// <summary>The answer; reading it from a refusal is a programming error.</summary>
    public T Value => Refusal is null ? _value! : throw new InvalidOperationException($"no answer: {Refusal}");

    public bool TryGet([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out Refusal? refusal)
    {
        value = _value;
        refusal = Refusal;
        return refusal is null;
    }

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}
