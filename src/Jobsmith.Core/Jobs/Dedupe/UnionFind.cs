namespace Jobsmith.Core.Jobs.Dedupe;

/// <summary>Disjoint sets over posting indexes, remembering the first reason each member was linked.</summary>
internal sealed class UnionFind(int count)
{
    private readonly int[] _parent = Enumerable.Range(0, count).ToArray();
    private readonly (DuplicateReason, string)?[] _link = new (DuplicateReason, string)?[count];

    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }
        return i;
    }

    public void Union(int a, int b, DuplicateReason reason, string detail)
    {
        _link[a] ??= (reason, detail);
        _link[b] ??= (reason, detail);
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb) _parent[rb] = ra;
    }

    public (DuplicateReason Reason, string Detail)? LinkOf(int i) => _link[i];
}
