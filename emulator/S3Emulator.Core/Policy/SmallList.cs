namespace S3Emulator.Core.Policy;

/// <summary>
/// A list that holds its first item in place and makes a <see cref="List{T}"/> only for a second: what one evaluation
/// collects (the statements that matched a check) is nearly always one item or none, and the evaluator runs on every
/// authorized request. A mutable struct: keep it in a local or a field and pass it by reference.
/// </summary>
internal struct SmallList<T>
{
    private T _first;
    private List<T>? _rest;

    public int Count { get; private set; }

    public readonly T this[int index] => index == 0 ? _first : _rest![index - 1];

    public void Add(T item)
    {
        if (Count == 0)
        {
            _first = item;
        }
        else
        {
            (_rest ??= []).Add(item);
        }

        Count++;
    }

    public void AddRange(in SmallList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            Add(items[i]);
        }
    }

    public readonly T[] ToArray()
    {
        if (Count == 0)
        {
            return [];
        }

        var array = new T[Count];
        for (var i = 0; i < Count; i++)
        {
            array[i] = this[i];
        }

        return array;
    }
}
