using S3Emulator.Core.Model;

namespace S3Emulator.Core.Tests.Storage;

/// <summary>The contract's Object Lambda access point half: the same rules as access points, in a namespace of their own.</summary>
public abstract partial class AccountStoreContractTests
{
    private static ObjectLambdaAccessPoint Olap(string name, string account = Account, string supporting = "reports") =>
        new(name, account,
            new ObjectLambdaConfiguration(
                $"arn:aws:s3:us-east-1:{account}:accesspoint/{supporting}",
                CloudWatchMetricsEnabled: false,
                [ObjectLambdaAllowedFeature.GetObjectRange],
                [new ObjectLambdaTransformation([ObjectLambdaAction.GetObject], "arn:aws:lambda:us-east-1:111122223333:function:redact", null)]),
            Policy: null, ObjectLambdaAccessPointAlias.Create(name), Now);

    [Test]
    public async Task TryCreateObjectLambdaAccessPoint_StoresTheWholeRecord_FoundByNameAndByAlias_AcrossReopen()
    {
        var olap = Olap("redacted") with
        {
            Configuration = new ObjectLambdaConfiguration(
                "arn:aws:s3:us-east-1:111122223333:accesspoint/reports",
                CloudWatchMetricsEnabled: true,
                [ObjectLambdaAllowedFeature.HeadObjectPartNumber, ObjectLambdaAllowedFeature.GetObjectRange],
                [
                    new ObjectLambdaTransformation([ObjectLambdaAction.GetObject, ObjectLambdaAction.HeadObject], "redact:$LATEST", """{"field":"ssn"}"""),
                    new ObjectLambdaTransformation([ObjectLambdaAction.ListObjectsV2], "arn:aws:lambda:us-east-1:111122223333:function:hide", null),
                ]),
            Policy = """{"Version":"2008-10-17","Statement":[]}""",
        };

        Assert.That(await Store.TryCreateObjectLambdaAccessPointAsync(olap, Ct), Is.True);
        Store = Reopen(Store);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.GetObjectLambdaAccessPointAsync(Account, "redacted", Ct), Is.EqualTo(olap));
            Assert.That(await Store.GetObjectLambdaAccessPointByAliasAsync(olap.Alias, Ct), Is.EqualTo(olap));
            Assert.That(await Store.GetObjectLambdaAccessPointAsync(OtherAccount, "redacted", Ct), Is.Null);
            Assert.That(await Store.GetObjectLambdaAccessPointByAliasAsync(ObjectLambdaAccessPointAlias.Create("redacted"), Ct), Is.Null);
        }
    }

    [Test]
    public async Task ObjectLambdaAccessPoints_AndAccessPoints_AreSeparateNamespaces()
    {
        await Store.TryCreateAccessPointAsync(Point("shared"), Ct);

        Assert.That(await Store.TryCreateObjectLambdaAccessPointAsync(Olap("shared"), Ct), Is.True);
        Assert.That(await Store.GetAccessPointAsync(Account, "shared", Ct), Is.Not.Null);
        Assert.That((await Store.ListAccessPointsAsync(Account, null, null, 10, Ct)).AccessPoints, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task TryCreateObjectLambdaAccessPoint_WithANameItsAccountAlreadyUses_ReturnsFalse_AndKeepsTheFirst()
    {
        var first = Olap("redacted", supporting: "first");
        await Store.TryCreateObjectLambdaAccessPointAsync(first, Ct);

        var created = await Store.TryCreateObjectLambdaAccessPointAsync(Olap("redacted", supporting: "second"), Ct);

        Assert.That(created, Is.False);
        Assert.That(await Store.GetObjectLambdaAccessPointAsync(Account, "redacted", Ct), Is.EqualTo(first));
    }

    [Test]
    public async Task TryCreateObjectLambdaAccessPoint_WithANameAnotherAccountUses_Succeeds()
    {
        await Store.TryCreateObjectLambdaAccessPointAsync(Olap("redacted"), Ct);

        Assert.That(await Store.TryCreateObjectLambdaAccessPointAsync(Olap("redacted", account: OtherAccount), Ct), Is.True);
    }

    [Test]
    public async Task TryCreateObjectLambdaAccessPoint_WithAnAliasAlreadyInUse_ReturnsFalse()
    {
        var first = Olap("redacted");
        await Store.TryCreateObjectLambdaAccessPointAsync(first, Ct);

        var created = await Store.TryCreateObjectLambdaAccessPointAsync(Olap("other", account: OtherAccount) with { Alias = first.Alias }, Ct);

        Assert.That(created, Is.False);
        Assert.That(await Store.GetObjectLambdaAccessPointByAliasAsync(first.Alias, Ct), Is.EqualTo(first));
    }

    [Test]
    public async Task TryCreateObjectLambdaAccessPoint_RacingOnOneName_LetsExactlyOneWin()
    {
        var attempts = Enumerable.Range(0, 16).Select(i => Olap("contested", supporting: $"ap-{i}")).ToList();

        var results = await Task.WhenAll(attempts.Select(p => Task.Run(async () => await Store.TryCreateObjectLambdaAccessPointAsync(p, Ct))));

        Assert.That(results.Count(r => r), Is.EqualTo(1));
        var winner = attempts[Array.IndexOf(results, true)];
        Assert.That(await Reopen(Store).GetObjectLambdaAccessPointAsync(Account, "contested", Ct), Is.EqualTo(winner));
    }

    [Test]
    public async Task UpdateObjectLambdaAccessPoint_ReplacesConfigurationAndPolicy_AndKeepsThemAcrossReopen()
    {
        var olap = Olap("redacted");
        await Store.TryCreateObjectLambdaAccessPointAsync(olap, Ct);
        var configuration = Olap("redacted", supporting: "elsewhere").Configuration with { CloudWatchMetricsEnabled = true, AllowedFeatures = [] };
        const string policy = """{"Version":"2008-10-17","Statement":[]}""";

        var updated = await Store.UpdateObjectLambdaAccessPointAsync(
            Account, "redacted", p => p with { Configuration = configuration, Policy = policy }, Ct);
        Store = Reopen(Store);

        Assert.That(updated, Is.EqualTo(olap with { Configuration = configuration, Policy = policy }));
        Assert.That(await Store.GetObjectLambdaAccessPointAsync(Account, "redacted", Ct), Is.EqualTo(updated));
        Assert.That(await Store.GetObjectLambdaAccessPointByAliasAsync(olap.Alias, Ct), Is.EqualTo(updated));
    }

    [Test]
    public async Task UpdateObjectLambdaAccessPoint_OfAMissingOne_ReturnsNull()
    {
        Assert.That(await Store.UpdateObjectLambdaAccessPointAsync(Account, "missing", p => p, Ct), Is.Null);
    }

    [Test]
    public async Task UpdateObjectLambdaAccessPoint_ThatChangesTheAlias_IsRefused_AndChangesNothing()
    {
        var olap = Olap("redacted");
        await Store.TryCreateObjectLambdaAccessPointAsync(olap, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Store.UpdateObjectLambdaAccessPointAsync(Account, "redacted", p => p with { Alias = ObjectLambdaAccessPointAlias.Create("redacted") }, Ct));
        Assert.That(await Store.GetObjectLambdaAccessPointAsync(Account, "redacted", Ct), Is.EqualTo(olap));
    }

    [Test]
    public async Task DeleteObjectLambdaAccessPoint_RemovesItAndItsAlias_AcrossReopen()
    {
        var olap = Olap("redacted");
        await Store.TryCreateObjectLambdaAccessPointAsync(olap, Ct);

        var deleted = await Store.DeleteObjectLambdaAccessPointAsync(Account, "redacted", Ct);
        Store = Reopen(Store);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.True);
            Assert.That(await Store.GetObjectLambdaAccessPointAsync(Account, "redacted", Ct), Is.Null);
            Assert.That(await Store.GetObjectLambdaAccessPointByAliasAsync(olap.Alias, Ct), Is.Null);
            Assert.That(await Store.DeleteObjectLambdaAccessPointAsync(Account, "redacted", Ct), Is.False);
        }
    }

    [Test]
    public async Task DeleteObjectLambdaAccessPoint_LeavesTheAccessPointOfTheSameName()
    {
        await Store.TryCreateAccessPointAsync(Point("shared"), Ct);
        await Store.TryCreateObjectLambdaAccessPointAsync(Olap("shared"), Ct);

        await Store.DeleteObjectLambdaAccessPointAsync(Account, "shared", Ct);
        Store = Reopen(Store);

        Assert.That(await Store.GetAccessPointAsync(Account, "shared", Ct), Is.Not.Null);
    }

    [Test]
    public async Task ListObjectLambdaAccessPoints_InPages_VisitsEachOnceInOrdinalNameOrder_AndOnlyTheAccounts()
    {
        var names = new[] { "b-2", "a-10", "a-9", "B-upper", "c" };
        foreach (var name in names) await Store.TryCreateObjectLambdaAccessPointAsync(Olap(name), Ct);
        await Store.TryCreateObjectLambdaAccessPointAsync(Olap("a-0", account: OtherAccount), Ct);
        Store = Reopen(Store);

        var seen = new List<string>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await Store.ListObjectLambdaAccessPointsAsync(Account, after, maxResults: 2, Ct);
            Assert.That(page.ObjectLambdaAccessPoints, Has.Count.LessThanOrEqualTo(2));
            seen.AddRange(page.ObjectLambdaAccessPoints.Select(p => p.Name));
            after = page.LastName;
            pages++;
        }
        while (after is not null);

        Assert.That(seen, Is.EqualTo(new[] { "B-upper", "a-10", "a-9", "b-2", "c" }));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task ListObjectLambdaAccessPoints_WhenTheLastPageIsFull_SaysItIsNotTruncated()
    {
        foreach (var name in new[] { "a", "b", "c" }) await Store.TryCreateObjectLambdaAccessPointAsync(Olap(name), Ct);

        var page = await Store.ListObjectLambdaAccessPointsAsync(Account, after: "a", maxResults: 2, Ct);

        Assert.That(page.ObjectLambdaAccessPoints.Select(p => p.Name), Is.EqualTo(new[] { "b", "c" }));
        Assert.That((page.IsTruncated, page.LastName), Is.EqualTo((false, (string?)null)));
    }

    [Test]
    public async Task ListObjectLambdaAccessPoints_OfAnAccountWithNone_IsEmpty()
    {
        await Store.TryCreateObjectLambdaAccessPointAsync(Olap("redacted"), Ct);

        var page = await Store.ListObjectLambdaAccessPointsAsync(OtherAccount, after: null, maxResults: 10, Ct);

        Assert.That(page.ObjectLambdaAccessPoints, Is.Empty);
    }
}
