using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;

namespace S3Emulator.Core.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IAccountStore"/> must have. Each store subclasses this once; a store with
/// persistence overrides <see cref="Reopen"/> so the same assertions also run against a fresh instance.
/// </summary>
public abstract partial class AccountStoreContractTests
{
    private const string Account = "111122223333";
    private const string OtherAccount = "444455556666";
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private CancellationTokenSource _timeout = null!;

    private IAccountStore Store { get; set; } = null!;

    private CancellationToken Ct => _timeout.Token;

    protected abstract IAccountStore CreateStore();

    /// <summary>A new store instance over the same state, as after a restart; the same instance when nothing persists.</summary>
    protected virtual IAccountStore Reopen(IAccountStore store) => store;

    [SetUp]
    public void CreateEmptyStore()
    {
        _timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Store = CreateStore();
    }

    [TearDown]
    public void DisposeTimeout() => _timeout.Dispose();

    private static AccessPoint Point(string name, string bucket = "bucket", string account = Account) =>
        new(name, account, bucket, account, AccessPointNetworkOrigin.Internet, VpcId: null, PublicAccessBlock.AllBlocked,
            Policy: null, AccessPointAlias.Create(name), Now);

    [Test]
    public async Task GetPublicAccessBlock_OfAnAccountThatSetNone_ReturnsNull()
    {
        Assert.That(await Store.GetPublicAccessBlockAsync(Account, Ct), Is.Null);
    }

    [Test]
    public async Task SetPublicAccessBlock_StoresItPerAccount_AndKeepsItAcrossReopen()
    {
        var block = new PublicAccessBlock(BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true);

        await Store.SetPublicAccessBlockAsync(Account, block, Ct);
        Store = Reopen(Store);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.GetPublicAccessBlockAsync(Account, Ct), Is.EqualTo(block));
            Assert.That(await Store.GetPublicAccessBlockAsync(OtherAccount, Ct), Is.Null);
        }
    }

    [Test]
    public async Task SetPublicAccessBlock_ToNull_DeletesIt_AndDeletingAgainIsHarmless()
    {
        await Store.SetPublicAccessBlockAsync(Account, PublicAccessBlock.AllBlocked, Ct);

        await Store.SetPublicAccessBlockAsync(Account, null, Ct);
        await Store.SetPublicAccessBlockAsync(Account, null, Ct);
        Store = Reopen(Store);

        Assert.That(await Store.GetPublicAccessBlockAsync(Account, Ct), Is.Null);
    }

    [Test]
    public async Task TryCreateAccessPoint_StoresTheWholeRecord_FoundByNameAndByAlias_AcrossReopen()
    {
        var point = Point("reports") with
        {
            BucketAccountId = OtherAccount,
            NetworkOrigin = AccessPointNetworkOrigin.Vpc,
            VpcId = "vpc-1a2b3c4d",
            PublicAccessBlock = new PublicAccessBlock(true, false, true, false),
        };

        Assert.That(await Store.TryCreateAccessPointAsync(point, Ct), Is.True);
        Store = Reopen(Store);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.GetAccessPointAsync(Account, "reports", Ct), Is.EqualTo(point));
            Assert.That(await Store.GetAccessPointByAliasAsync(point.Alias, Ct), Is.EqualTo(point));
            Assert.That(await Store.GetAccessPointAsync(OtherAccount, "reports", Ct), Is.Null);
            Assert.That(await Store.GetAccessPointByAliasAsync("reports-" + new string('a', 34) + "-s3alias", Ct), Is.Null);
        }
    }

    [Test]
    public async Task TryCreateAccessPoint_WithANameItsAccountAlreadyUses_ReturnsFalse_AndKeepsTheFirst()
    {
        var first = Point("reports", bucket: "first");
        await Store.TryCreateAccessPointAsync(first, Ct);

        var created = await Store.TryCreateAccessPointAsync(Point("reports", bucket: "second"), Ct);

        Assert.That(created, Is.False);
        Assert.That(await Store.GetAccessPointAsync(Account, "reports", Ct), Is.EqualTo(first));
    }

    [Test]
    public async Task TryCreateAccessPoint_WithANameAnotherAccountUses_Succeeds()
    {
        await Store.TryCreateAccessPointAsync(Point("reports"), Ct);

        Assert.That(await Store.TryCreateAccessPointAsync(Point("reports", account: OtherAccount), Ct), Is.True);
    }

    [Test]
    public async Task TryCreateAccessPoint_WithAnAliasAlreadyInUse_ReturnsFalse()
    {
        var first = Point("reports");
        await Store.TryCreateAccessPointAsync(first, Ct);

        var created = await Store.TryCreateAccessPointAsync(Point("other", account: OtherAccount) with { Alias = first.Alias }, Ct);

        Assert.That(created, Is.False);
        Assert.That(await Store.GetAccessPointByAliasAsync(first.Alias, Ct), Is.EqualTo(first));
    }

    [Test]
    public async Task TryCreateAccessPoint_RacingOnOneName_LetsExactlyOneWin()
    {
        var attempts = Enumerable.Range(0, 16).Select(i => Point("contested", bucket: $"bucket-{i}")).ToList();

        var results = await Task.WhenAll(attempts.Select(p => Task.Run(async () => await Store.TryCreateAccessPointAsync(p, Ct))));

        Assert.That(results.Count(r => r), Is.EqualTo(1));
        var winner = attempts[Array.IndexOf(results, true)];
        Assert.That(await Reopen(Store).GetAccessPointAsync(Account, "contested", Ct), Is.EqualTo(winner));
    }

    [Test]
    public async Task UpdateAccessPoint_ReplacesThePolicy_AndKeepsItAcrossReopen()
    {
        var point = Point("reports");
        await Store.TryCreateAccessPointAsync(point, Ct);
        const string policy = "{\"Version\": \"2012-10-17\",  \"Statement\": []}";

        var updated = await Store.UpdateAccessPointAsync(Account, "reports", p => p with { Policy = policy }, Ct);
        Store = Reopen(Store);

        Assert.That(updated, Is.EqualTo(point with { Policy = policy }));
        Assert.That(await Store.GetAccessPointAsync(Account, "reports", Ct), Is.EqualTo(updated));
        Assert.That(await Store.GetAccessPointByAliasAsync(point.Alias, Ct), Is.EqualTo(updated));
    }

    [Test]
    public async Task UpdateAccessPoint_OfAMissingAccessPoint_ReturnsNull()
    {
        Assert.That(await Store.UpdateAccessPointAsync(Account, "missing", p => p, Ct), Is.Null);
    }

    [Test]
    public async Task UpdateAccessPoint_ThatChangesTheAlias_IsRefused_AndChangesNothing()
    {
        var point = Point("reports");
        await Store.TryCreateAccessPointAsync(point, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Store.UpdateAccessPointAsync(Account, "reports", p => p with { Alias = AccessPointAlias.Create("reports") }, Ct));
        Assert.That(await Store.GetAccessPointAsync(Account, "reports", Ct), Is.EqualTo(point));
    }

    [Test]
    public async Task DeleteAccessPoint_RemovesItAndItsAlias_AcrossReopen()
    {
        var point = Point("reports");
        await Store.TryCreateAccessPointAsync(point, Ct);

        var deleted = await Store.DeleteAccessPointAsync(Account, "reports", Ct);
        Store = Reopen(Store);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.True);
            Assert.That(await Store.GetAccessPointAsync(Account, "reports", Ct), Is.Null);
            Assert.That(await Store.GetAccessPointByAliasAsync(point.Alias, Ct), Is.Null);
            Assert.That(await Store.DeleteAccessPointAsync(Account, "reports", Ct), Is.False);
        }
    }

    [Test]
    public async Task DeleteAccessPoint_ThenCreatingTheNameAgain_GivesTheNewRecord()
    {
        await Store.TryCreateAccessPointAsync(Point("reports", bucket: "old"), Ct);
        await Store.DeleteAccessPointAsync(Account, "reports", Ct);
        var again = Point("reports", bucket: "new");

        Assert.That(await Store.TryCreateAccessPointAsync(again, Ct), Is.True);
        Assert.That(await Store.GetAccessPointAsync(Account, "reports", Ct), Is.EqualTo(again));
    }

    [Test]
    public async Task ListAccessPoints_ReturnsTheAccountsAccessPointsInOrdinalNameOrder()
    {
        foreach (var name in new[] { "b-2", "a-10", "a-9", "B-upper" }) await Store.TryCreateAccessPointAsync(Point(name), Ct);
        await Store.TryCreateAccessPointAsync(Point("a-0", account: OtherAccount), Ct);

        var page = await Store.ListAccessPointsAsync(Account, bucket: null, after: null, maxResults: 1000, Ct);

        Assert.That(page.AccessPoints.Select(p => p.Name), Is.EqualTo(new[] { "B-upper", "a-10", "a-9", "b-2" }));
        Assert.That(page.IsTruncated, Is.False);
        Assert.That(page.LastName, Is.Null);
    }

    [Test]
    public async Task ListAccessPoints_WithABucket_ReturnsOnlyThatBucketsAccessPoints()
    {
        await Store.TryCreateAccessPointAsync(Point("one", bucket: "logs"), Ct);
        await Store.TryCreateAccessPointAsync(Point("two", bucket: "data"), Ct);
        await Store.TryCreateAccessPointAsync(Point("three", bucket: "logs"), Ct);

        var page = await Store.ListAccessPointsAsync(Account, "logs", after: null, maxResults: 1000, Ct);

        Assert.That(page.AccessPoints.Select(p => p.Name), Is.EqualTo(new[] { "one", "three" }));
    }

    [Test]
    public async Task ListAccessPoints_InPages_VisitsEachAccessPointOnce()
    {
        var names = Enumerable.Range(0, 7).Select(i => $"ap-{i}").ToList();
        foreach (var name in names) await Store.TryCreateAccessPointAsync(Point(name), Ct);

        var seen = new List<string>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await Store.ListAccessPointsAsync(Account, bucket: null, after, maxResults: 3, Ct);
            Assert.That(page.AccessPoints, Has.Count.LessThanOrEqualTo(3));
            seen.AddRange(page.AccessPoints.Select(p => p.Name));
            after = page.LastName;
            pages++;
        }
        while (after is not null);

        Assert.That(seen, Is.EqualTo(names));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task ListAccessPoints_WhenTheLastPageIsFull_SaysItIsNotTruncated()
    {
        foreach (var name in new[] { "a", "b", "c" }) await Store.TryCreateAccessPointAsync(Point(name), Ct);

        var page = await Store.ListAccessPointsAsync(Account, bucket: null, after: "a", maxResults: 2, Ct);

        Assert.That(page.AccessPoints.Select(p => p.Name), Is.EqualTo(new[] { "b", "c" }));
        Assert.That(page.IsTruncated, Is.False);
    }

    [Test]
    public async Task ListAccessPoints_OfAnAccountWithNone_IsEmpty()
    {
        await Store.TryCreateAccessPointAsync(Point("reports"), Ct);

        var page = await Store.ListAccessPointsAsync(OtherAccount, bucket: null, after: null, maxResults: 10, Ct);

        Assert.That(page.AccessPoints, Is.Empty);
    }
}
