using System.Net;
using S3Emulator.ClientTests.AccessPoints;
using S3Emulator.Server.Hosting;
using static S3Emulator.ClientTests.ObjectLambda.Control.ObjectLambdaControlRequests;

namespace S3Emulator.ClientTests.ObjectLambda.Control;

/// <summary>
/// S3 Control's Object Lambda access point operations, driven as the SDKs send them (<c>{account}.localhost</c>,
/// <c>x-amz-account-id</c>, signed as <c>s3</c>) over every transport: the lifecycle, the configuration, the policy,
/// and an Object Lambda access point seeded from options.
/// </summary>
public sealed class ObjectLambdaAccessPointControlTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string Account = "123456789012";
    private const string SupportingName = "olap-supporting";
    private const string SupportingArn = $"arn:aws:s3:us-east-1:{Account}:accesspoint/{SupportingName}";
    private const string SeededName = "seeded-olap";

    private S3ControlTestClient _control = null!;

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        options.InitialBuckets.Add("olap-seeded-bucket");
        options.AccessPoints.Add(new AccessPointOptions { Name = "seeded-supporting", Bucket = "olap-seeded-bucket" });
        options.ObjectLambdaAccessPoints.Add(new ObjectLambdaAccessPointOptions
        {
            Name = SeededName,
            SupportingAccessPoint = "seeded-supporting",
            AllowedFeatures = ["GetObject-Range"],
            TransformationConfigurations =
            [
                new ObjectLambdaTransformationOptions { Actions = ["GetObject", "HeadObject"], FunctionArn = "redact", FunctionPayload = """{"field":"ssn"}""" },
            ],
            Policy = PolicyFor(SeededName, """{"AWS":"arn:aws:iam::123456789012:root"}"""),
        });
    }

    [OneTimeSetUp]
    public async Task CreateControlClientAndSupportingAccessPointAsync()
    {
        _control = new S3ControlTestClient(Emulator, Account, Emulator.DefaultCredentials.GetCredentials());
        (await _control.CreateAccessPointAsync(SupportingName, await CreateBucketAsync("olap"))).Succeeded();
    }

    [OneTimeTearDown]
    public void DisposeControlClient() => _control?.Dispose();

    [Test]
    public async Task Create_ThenGet_DescribesItWithAReadyAlias_AndBlockPublicAccessOn()
    {
        var name = NewName();

        var created = (await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(SupportingArn))).Succeeded();
        var got = (await _control.GetAccessPointForObjectLambdaAsync(name)).Succeeded();

        var alias = created.Value("Value");
        Assert.Multiple(() =>
        {
            Assert.That(created.Body!.Name.LocalName, Is.EqualTo("CreateAccessPointForObjectLambdaResult"));
            Assert.That(created.Value("ObjectLambdaAccessPointArn"), Is.EqualTo($"arn:aws:s3-object-lambda:us-east-1:{Account}:accesspoint/{name}"));
            Assert.That(alias, Does.StartWith(name[..20].TrimEnd('-') + "-").And.EndWith("--ol-s3"));
            Assert.That(created.Value("Status"), Is.EqualTo("READY"));
            Assert.That(got.Body!.Name.LocalName, Is.EqualTo("GetAccessPointForObjectLambdaResult"));
            Assert.That((got.Value("Name"), got.Value("Value"), got.Value("Status")), Is.EqualTo((name, alias, "READY")));
            Assert.That(DateTimeOffset.Parse(got.Value("CreationDate")!), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)));
            Assert.That(got.Elements("PublicAccessBlockConfiguration").Single().Elements().Select(e => e.Value), Is.All.EqualTo("true"));
        });
    }

    [Test]
    public async Task Create_Twice_IsAccessPointAlreadyOwnedByYou()
    {
        var name = NewName();
        (await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(SupportingArn))).Succeeded();

        var again = await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(SupportingArn));

        Assert.That((again.Status, again.ErrorCode, again.Value("AccessPointName")), Is.EqualTo((HttpStatusCode.Conflict, "AccessPointAlreadyOwnedByYou", name)));
    }

    [Test]
    public async Task ObjectLambdaAccessPoint_AndAccessPoint_OfOneName_AreDifferentResources()
    {
        var got = await _control.GetAccessPointForObjectLambdaAsync(SupportingName);
        var name = NewName();
        (await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(SupportingArn))).Succeeded();
        var asAccessPoint = await _control.GetAccessPointAsync(name);

        Assert.That((got.Status, got.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPoint")));
        Assert.That((asAccessPoint.Status, asAccessPoint.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPoint")));
    }

    [Test]
    public async Task Delete_ThenGet_IsNoSuchAccessPoint_AndDeletingAgainToo()
    {
        var name = NewName();
        (await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(SupportingArn))).Succeeded();

        var deleted = await _control.DeleteAccessPointForObjectLambdaAsync(name);
        var got = await _control.GetAccessPointForObjectLambdaAsync(name);
        var configuration = await _control.GetAccessPointConfigurationForObjectLambdaAsync(name);
        var again = await _control.DeleteAccessPointForObjectLambdaAsync(name);

        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((got.Status, got.ErrorCode, got.Value("AccessPointName")), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPoint", name)));
        Assert.That((configuration.Status, configuration.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPoint")));
        Assert.That((again.Status, again.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPoint")));
    }

    [Test]
    public async Task List_InPagesOfTwo_VisitsEachOnceInNameOrder_WithArnAndAlias()
    {
        var prefix = NewName();
        var names = new[] { prefix + "-a", prefix + "-b", prefix + "-c" };
        var aliases = new Dictionary<string, string>();
        foreach (var name in names)
        {
            aliases[name] = (await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(SupportingArn))).Succeeded().Value("Value")!;
        }

        var listed = new List<(string Name, string? Arn, string? Alias, string? Status)>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = (await _control.ListAccessPointsForObjectLambdaAsync(maxResults: 2, nextToken: token)).Succeeded();
            var entries = page.Elements("ObjectLambdaAccessPoint").ToList();
            Assert.That(entries, Has.Count.LessThanOrEqualTo(2));
            listed.AddRange(entries.Select(e => (
                e.Elements().First(c => c.Name.LocalName == "Name").Value,
                e.Elements().FirstOrDefault(c => c.Name.LocalName == "ObjectLambdaAccessPointArn")?.Value,
                e.Descendants().FirstOrDefault(c => c.Name.LocalName == "Value")?.Value,
                e.Descendants().FirstOrDefault(c => c.Name.LocalName == "Status")?.Value)));
            token = page.Value("NextToken");
            pages++;
        }
        while (token is not null && pages < 100);

        var mine = listed.Where(l => l.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.That(listed.Select(l => l.Name), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal).And.Unique);
        Assert.That(mine, Is.EqualTo(names.Select(n => (n, (string?)$"arn:aws:s3-object-lambda:us-east-1:{Account}:accesspoint/{n}", (string?)aliases[n], (string?)"READY"))));
        Assert.That(pages, Is.EqualTo((listed.Count + 1) / 2));
    }

    [TestCase("maxResults=0")]
    [TestCase("maxResults=1001")]
    [TestCase("maxResults=two")]
    [TestCase("nextToken=%21%21")]
    public async Task List_WithAnInvalidParameter_IsInvalidRequest(string query)
    {
        var response = await _control.SendAsync("GET", "accesspointforobjectlambda?" + query);

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")));
    }

    [Test]
    public async Task Configuration_RoundTripsThroughCreateGetAndPut()
    {
        var name = NewName();
        (await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(
            SupportingArn, ["GetObject", "HeadObject"], "redact:$LATEST", ["GetObject-Range", "HeadObject-PartNumber"], """{"field":"ssn"}""", metrics: true)))
            .Succeeded();

        var first = (await _control.GetAccessPointConfigurationForObjectLambdaAsync(name)).Succeeded();
        (await _control.PutAccessPointConfigurationForObjectLambdaAsync(name, Configuration(SupportingArn, ["ListObjectsV2"], DefaultFunction))).Succeeded();
        var second = (await _control.GetAccessPointConfigurationForObjectLambdaAsync(name)).Succeeded();

        Assert.Multiple(() =>
        {
            Assert.That(first.Body!.Name.LocalName, Is.EqualTo("GetAccessPointConfigurationForObjectLambdaResult"));
            Assert.That(first.Value("SupportingAccessPoint"), Is.EqualTo(SupportingArn));
            Assert.That(first.Value("CloudWatchMetricsEnabled"), Is.EqualTo("true"));
            Assert.That(first.Elements("AllowedFeature").Select(e => e.Value), Is.EqualTo(new[] { "GetObject-Range", "HeadObject-PartNumber" }));
            Assert.That(first.Elements("Action").Select(e => e.Value), Is.EqualTo(new[] { "GetObject", "HeadObject" }));
            Assert.That((first.Value("FunctionArn"), first.Value("FunctionPayload")), Is.EqualTo(("redact:$LATEST", """{"field":"ssn"}""")));
            Assert.That(second.Value("CloudWatchMetricsEnabled"), Is.EqualTo("false"));
            Assert.That(second.Elements("AllowedFeature"), Is.Empty);
            Assert.That(second.Elements("Action").Select(e => e.Value), Is.EqualTo(new[] { "ListObjectsV2" }));
            Assert.That((second.Value("FunctionArn"), second.Value("FunctionPayload")), Is.EqualTo((DefaultFunction, (string?)null)));
        });
    }

    [Test]
    public async Task PutConfiguration_OfAMissingObjectLambdaAccessPoint_IsNoSuchAccessPoint()
    {
        var response = await _control.PutAccessPointConfigurationForObjectLambdaAsync(NewName(), Configuration(SupportingArn));

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPoint")));
    }

    [Test]
    public async Task PutConfiguration_ThatIsInvalid_IsRefused_AndKeepsTheOldOne()
    {
        var name = NewName();
        (await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(SupportingArn))).Succeeded();

        var response = await _control.PutAccessPointConfigurationForObjectLambdaAsync(name, Configuration(SupportingArn, ["PutObject"]));
        var kept = (await _control.GetAccessPointConfigurationForObjectLambdaAsync(name)).Succeeded();

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "MalformedXML")));
        Assert.That(kept.Elements("Action").Select(e => e.Value), Is.EqualTo(new[] { "GetObject" }));
    }

    [Test]
    public async Task Policy_RoundTripsVerbatim_ReadsAsNotPublic_AndDeletes()
    {
        var name = NewName();
        (await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(SupportingArn))).Succeeded();
        var policy = PolicyFor(name, """{"AWS":"arn:aws:iam::444455556666:root"}""");

        (await _control.PutAccessPointPolicyForObjectLambdaAsync(name, policy)).Succeeded();
        var got = (await _control.GetAccessPointPolicyForObjectLambdaAsync(name)).Succeeded();
        var status = (await _control.GetAccessPointPolicyStatusForObjectLambdaAsync(name)).Succeeded();
        var deleted = await _control.DeleteAccessPointPolicyForObjectLambdaAsync(name);
        var afterDelete = await _control.GetAccessPointPolicyForObjectLambdaAsync(name);
        var statusAfterDelete = await _control.GetAccessPointPolicyStatusForObjectLambdaAsync(name);

        Assert.Multiple(() =>
        {
            Assert.That((got.Body!.Name.LocalName, got.Value("Policy")), Is.EqualTo(("GetAccessPointPolicyForObjectLambdaResult", policy)));
            Assert.That((status.Body!.Name.LocalName, status.Value("IsPublic")), Is.EqualTo(("GetAccessPointPolicyStatusForObjectLambdaResult", "false")));
            Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((afterDelete.Status, afterDelete.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPointPolicy")));
            Assert.That((statusAfterDelete.Status, statusAfterDelete.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPointPolicy")));
        });
    }

    [Test]
    public async Task Policy_GrantingEveryone_ReadsAsPublic()
    {
        var name = NewName();
        (await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(SupportingArn))).Succeeded();

        (await _control.PutAccessPointPolicyForObjectLambdaAsync(name, PolicyFor(name, "\"*\""))).Succeeded();
        var status = (await _control.GetAccessPointPolicyStatusForObjectLambdaAsync(name)).Succeeded();

        Assert.That(status.Value("IsPublic"), Is.EqualTo("true"));
    }

    [Test]
    public async Task Policy_OfAMissingObjectLambdaAccessPoint_IsNoSuchAccessPoint()
    {
        var name = NewName();

        var put = await _control.PutAccessPointPolicyForObjectLambdaAsync(name, PolicyFor(name, "\"*\""));
        var delete = await _control.DeleteAccessPointPolicyForObjectLambdaAsync(name);

        Assert.That((put.Status, put.ErrorCode, delete.Status, delete.ErrorCode),
            Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPoint", HttpStatusCode.NotFound, "NoSuchAccessPoint")));
    }

    [TestCase("not json", "Policies must be valid JSON and the first byte must be '{'")]
    [TestCase("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"OLAP"}]}""", null)]
    [TestCase("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3-object-lambda:GetObject","Resource":"arn:aws:s3:us-east-1:123456789012:accesspoint/olap-supporting"}]}""", null)]
    public async Task Policy_ThatIsMalformed_IsMalformedPolicy_AndNothingIsStored(string policy, string? message)
    {
        var name = NewName();
        (await _control.CreateAccessPointForObjectLambdaAsync(name, Configuration(SupportingArn))).Succeeded();

        var response = await _control.PutAccessPointPolicyForObjectLambdaAsync(
            name, policy.Replace("\"OLAP\"", $"\"arn:aws:s3-object-lambda:us-east-1:{Account}:accesspoint/{name}\"", StringComparison.Ordinal));
        var got = await _control.GetAccessPointPolicyForObjectLambdaAsync(name);

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "MalformedPolicy")));
        if (message is not null) Assert.That(response.ErrorMessage, Is.EqualTo(message));
        Assert.That(got.ErrorCode, Is.EqualTo("NoSuchAccessPointPolicy"));
    }

    [Test]
    public async Task SeededObjectLambdaAccessPoint_FromOptions_HasItsConfigurationAndPolicy()
    {
        var got = (await _control.GetAccessPointForObjectLambdaAsync(SeededName)).Succeeded();
        var configuration = (await _control.GetAccessPointConfigurationForObjectLambdaAsync(SeededName)).Succeeded();
        var policy = (await _control.GetAccessPointPolicyForObjectLambdaAsync(SeededName)).Succeeded();

        Assert.Multiple(() =>
        {
            Assert.That(got.Value("Value"), Does.StartWith(SeededName + "-").And.EndWith("--ol-s3"));
            Assert.That(configuration.Value("SupportingAccessPoint"), Is.EqualTo($"arn:aws:s3:us-east-1:{Account}:accesspoint/seeded-supporting"));
            Assert.That(configuration.Elements("Action").Select(e => e.Value), Is.EqualTo(new[] { "GetObject", "HeadObject" }));
            Assert.That(configuration.Elements("AllowedFeature").Select(e => e.Value), Is.EqualTo(new[] { "GetObject-Range" }));
            Assert.That((configuration.Value("FunctionArn"), configuration.Value("FunctionPayload")), Is.EqualTo(("redact", """{"field":"ssn"}""")));
            Assert.That(policy.Value("Policy"), Is.EqualTo(PolicyFor(SeededName, """{"AWS":"arn:aws:iam::123456789012:root"}""")));
        });
    }

    private static string PolicyFor(string name, string principal) =>
        $$"""{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3-object-lambda:GetObject","Principal":{{principal}},"Resource":"arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/{{name}}"}]}""";

    private static string NewName() => "olap-" + Guid.NewGuid().ToString("N")[..20];
}
