namespace S3Emulator.ClientTests.ObjectLambda;

/// <summary>With <c>PublicUrl</c> configured, functions are sent there (e.g. an address a container's functions resolve).</summary>
public sealed class ObjectLambdaPublicUrlTests(Transport transport) : ObjectLambdaTestBase(transport)
{
    private const string PublicUrl = "https://objects.example.test:8443";

    protected override void ConfigureEmulator(Server.Hosting.S3EmulatorOptions options)
    {
        base.ConfigureEmulator(options);
        options.PublicUrl = PublicUrl;
    }

    [Test]
    public async Task GetObject_TheInputS3Url_IsOnTheConfiguredPublicUrl()
    {
        var key = $"docs/{Guid.NewGuid():N}.txt";
        await PutDataAsync(key, "x");

        var inputS3Url = await ReadAsync(await Olap.GetObjectAsync(OlapArn("input-url"), key));

        Assert.That(inputS3Url, Does.StartWith(PublicUrl + "/" + SupportingName + "-"));
    }
}
