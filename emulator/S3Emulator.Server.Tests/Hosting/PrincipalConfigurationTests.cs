using S3Emulator.Core.Identity;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Tests.Hosting;

public sealed class PrincipalConfigurationTests
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}]}""";
    private const string ReadAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    private static S3EmulatorOptions Options(Action<S3EmulatorOptions> configure)
    {
        var options = new S3EmulatorOptions();
        configure(options);
        return options;
    }

    private static RoleOptions Reader(Action<RoleOptions>? configure = null)
    {
        var role = new RoleOptions { Name = "reader", TrustPolicy = new() { Document = Trust }, Policies = [new() { Name = "read-all", Document = ReadAll }] };
        configure?.Invoke(role);
        return role;
    }

    private static string Failure(S3EmulatorOptions options) =>
        Assert.Throws<S3EmulatorConfigurationException>(() => PrincipalConfiguration.Build(options))!.Message;

    [Test]
    public void Build_ARoleWithInlinePolicies_IsFoundByItsArn()
    {
        var directory = PrincipalConfiguration.Build(Options(o => o.Roles.Add(Reader())));

        Assert.That(directory.TryGetRole("arn:aws:iam::123456789012:role/reader", out var role), Is.True);
        Assert.That(role!.Policies, Is.EqualTo(new[] { new NamedPolicy("read-all", ReadAll) }));
        Assert.That(role.TrustPolicy.Json, Is.EqualTo(Trust));
        Assert.That(role.MaxSessionDurationSeconds, Is.EqualTo(3600));
        Assert.That(role.RoleId, Does.Match("^AROA[A-Z2-7]{17}$"));
    }

    [Test]
    public void Build_APolicyFromAFile_ReadsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"s3e-policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ReadAll);
        try
        {
            var directory = PrincipalConfiguration.Build(Options(o => o.Credentials.Add(new()
            {
                AccessKeyId = "AKIAALICE", SecretAccessKey = "secret", UserName = "alice", Policies = [new() { Name = "file", Path = path }],
            })));

            Assert.That(directory.LongTermCaller("123456789012", "alice").IdentityPolicies.Single().Json, Is.EqualTo(ReadAll));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Build_ARoleOfAnotherAccountWithAFixedRoleId_KeepsBoth()
    {
        var directory = PrincipalConfiguration.Build(Options(o => o.Roles.Add(Reader(r =>
        {
            r.AccountId = "210987654321";
            r.RoleId = "AROAEXAMPLEEXAMPLE12";
            r.MaxSessionDurationSeconds = 43200;
        }))));

        Assert.That(directory.TryGetRole("arn:aws:iam::210987654321:role/reader", out var role), Is.True);
        Assert.That(role!.RoleId, Is.EqualTo("AROAEXAMPLEEXAMPLE12"));
    }

    [Test]
    public void Build_ARoleWithoutTrustPolicy_FailsNamingTheEntry() =>
        Assert.That(Failure(Options(o => o.Roles.Add(Reader(r => r.TrustPolicy = null)))),
            Is.EqualTo("S3Emulator:Roles:0 'reader': TrustPolicy is missing: it says who may assume the role."));

    [Test]
    public void Build_APolicyThatIsNotJson_FailsNamingThePolicy() =>
        Assert.That(Failure(Options(o => o.Roles.Add(Reader(r => r.Policies[0].Document = "s3:GetObject")))),
            Is.EqualTo("S3Emulator:Roles:0 'reader': Policies:0 'read-all': Policies must be valid JSON and the first byte must be '{'"));

    [Test]
    public void Build_ABrokenTrustPolicy_FailsNamingIt() =>
        Assert.That(Failure(Options(o => o.Roles.Add(Reader(r => r.TrustPolicy = new() { Document = "{\"Version\":" })))),
            Is.EqualTo("S3Emulator:Roles:0 'reader': TrustPolicy: This policy contains invalid Json"));

    [Test]
    public void Build_APolicyFileThatDoesNotExist_FailsNamingThePath() =>
        Assert.That(Failure(Options(o => o.Roles.Add(Reader(r => r.Policies[0] = new() { Name = "gone", Path = "/no/such/policy.json" })))),
            Is.EqualTo("S3Emulator:Roles:0 'reader': Policies:0 'gone': Path '/no/such/policy.json' does not exist."));

    [Test]
    public void Build_APolicyWithBothDocumentAndPath_Fails() =>
        Assert.That(Failure(Options(o => o.Roles.Add(Reader(r => r.Policies[0].Path = "x.json")))), Does.EndWith("give Document or Path, not both."));

    [TestCase(3599)]
    [TestCase(43201)]
    public void Build_AMaxSessionDurationOutsideIamsRange_Fails(int seconds) =>
        Assert.That(Failure(Options(o => o.Roles.Add(Reader(r => r.MaxSessionDurationSeconds = seconds)))),
            Does.EndWith("MaxSessionDurationSeconds must be between 3600 and 43200."));

    [Test]
    public void Build_ARoleTwice_Fails() =>
        Assert.That(Failure(Options(o => o.Roles.AddRange([Reader(), Reader()]))),
            Is.EqualTo("S3Emulator: Role 'arn:aws:iam::123456789012:role/reader' is configured twice."));

    [Test]
    public void Build_PoliciesOnARootKey_Fail() =>
        Assert.That(Failure(Options(o => o.Credentials.Add(new()
        {
            AccessKeyId = "AKIAROOT", SecretAccessKey = "secret", Policies = [new() { Document = ReadAll }],
        }))), Is.EqualTo("S3Emulator:Credentials:0: the account's root user takes no identity policies; give the key a UserName."));

    [TestCase("")]
    [TestCase("has space")]
    public void Build_ARoleWithABadName_Fails(string name) =>
        Assert.That(Failure(Options(o => o.Roles.Add(Reader(r => r.Name = name)))), Does.Contain("Name must be 1 to 64 characters"));

    [Test]
    public void Build_ATrustPolicyWithoutPrincipal_FailsWithIamsText() =>
        Assert.That(Failure(Options(o => o.Roles.Add(Reader(r => r.TrustPolicy = new() { Document = ReadAll })))),
            Does.StartWith("S3Emulator:Roles:0 'reader': TrustPolicy: "));

    [Test]
    public void Build_AnIdentityPolicyWithAPrincipal_FailsWithIamsText() =>
        Assert.That(Failure(Options(o => o.Roles.Add(Reader(r => r.Policies[0].Document = Trust)))),
            Does.StartWith("S3Emulator:Roles:0 'reader': Policies:0 'read-all': "));
}
