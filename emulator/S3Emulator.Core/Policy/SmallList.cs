namespace S3Emulator.Core.Policy;

/// <summary>
/// A list that holds its first two items in place and makes a <see cref="List{T}"/> only for a third: what one
/// evaluation collects (the statements that matched a check, the statements that allowed the request) is nearly always
/// none, one, or — through an access point, whose policy and the bucket's each allow — two, and the evaluator runs on
/// every authorized request. A mutable struct: keep it in a local or a field and pass it by reference.
/// </summary>
internal struct SmallList<T>
{
    private T _first;
    private T _second;
    private List<T>? _rest;

    public int Count { get; private set; }

    public readonly T this[int index] => index switch
    {
        0 => _first,
        1 => _second,
        _ => _rest![index - 2],
    };

    public void Add(T item)
    {
        switch (Count)
        {
            case 0:
                _first = item;
                break;
            case 1:
                _second = item;
                break;
            default:
                (_rest ??= []).Add(item);
                break;
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
