using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Services.ObjectLambda;

namespace S3Emulator.Server.Tests.Services.ObjectLambda;

/// <summary>The single-use routes a GET through an Object Lambda access point waits on for its WriteGetObjectResponse.</summary>
public sealed class OutputRoutesTests
{
    private const string OlapArn = "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/olap";

    private readonly OutputRoutes _routes = new();

    private PendingGetResponse Open() => _routes.Open(new ServiceExchange(new DefaultHttpContext(), ServiceKind.ObjectLambda, "/", "request"), "123456789012", OlapArn);

    [Test]
    public void Route_FitsTheSdksCheck_AndIsNewEachTime()
    {
        var routes = Enumerable.Range(0, 200).Select(_ => Open().Route).ToList();

        Assert.That(routes, Has.All.Match("^[a-zA-Z0-9-]{1,63}$"));
        Assert.That(routes, Is.Unique);
    }

    [Test]
    public void Token_IsLongAndNewEachTime()
    {
        var (first, second) = (Open(), Open());

        Assert.That(first.Token, Has.Length.GreaterThanOrEqualTo(32));
        Assert.That(first.Token, Is.Not.EqualTo(second.Token));
    }

    [Test]
    public void Find_WithTheRoutesToken_FindsIt_WithTheAccessPoint()
    {
        var pending = Open();

        var found = _routes.Find(pending.Route, pending.Token);

        Assert.That(found, Is.SameAs(pending));
        Assert.That((found!.AccountId, found.AccessPointArn), Is.EqualTo(("123456789012", OlapArn)));
    }

    [Test]
    public void Find_WithAnotherRoutesToken_OrAWrongToken_FindsNothing()
    {
        var (first, second) = (Open(), Open());

        Assert.That(_routes.Find(first.Route, second.Token), Is.Null);
        Assert.That(_routes.Find(second.Route, first.Token), Is.Null);
        Assert.That(_routes.Find(first.Route, first.Token[..^1]), Is.Null);
        Assert.That(_routes.Find(first.Route, ""), Is.Null);
        Assert.That(_routes.Find("io-emu-unknown", first.Token), Is.Null);
    }

    [Test]
    public void ClaimedRoute_IsFoundNoMore_AndCannotBeClaimedOrClosedAgain()
    {
        var pending = Open();

        Assert.That(_routes.TryClaim(pending), Is.True);

        Assert.That(pending.Claimed.IsCompleted, Is.True);
        Assert.That(_routes.Find(pending.Route, pending.Token), Is.Null);
        Assert.That(_routes.TryClaim(pending), Is.False);
        Assert.That(_routes.TryClose(pending), Is.False);
    }

    [Test]
    public void ClosedRoute_IsFoundNoMore_AndCannotBeClaimed()
    {
        var pending = Open();

        Assert.That(_routes.TryClose(pending), Is.True);

        Assert.That(_routes.Find(pending.Route, pending.Token), Is.Null);
        Assert.That(_routes.TryClaim(pending), Is.False);
        Assert.That(pending.Claimed.IsCompleted, Is.False);
    }

    [Test]
    public void OtherRoutes_StayOpen_WhenOneIsClaimed()
    {
        var (first, second) = (Open(), Open());

        _routes.TryClaim(first);

        Assert.That(_routes.Find(second.Route, second.Token), Is.SameAs(second));
    }

    [Test]
    public void TryClaim_UnderConcurrency_SucceedsOnce_EvenRacingClose()
    {
        for (var round = 0; round < 50; round++)
        {
            var pending = Open();
            var outcomes = new ConcurrentBag<bool>();

            Parallel.For(0, 16, i => outcomes.Add(i == 0 ? _routes.TryClose(pending) : _routes.TryClaim(pending)));

            Assert.That(outcomes.Count(won => won), Is.EqualTo(1), $"round {round}");
        }
    }
}
