using System.Text.Json;
using S3Emulator.Server.Diagnostics;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests;

/// <summary>
/// A container's request journal as the scenarios query the in-process one: a snapshot read from the emulator's admin
/// endpoint (<c>/_s3emulator/journal</c>, which waits for the requests whose answers have started, as the in-process
/// journal's <c>Entries</c> does), taken each time a test asks. Changes made to the snapshot stay in the test process.
/// </summary>
internal static class ContainerJournal
{
    // The admin endpoint writes the entries with the web defaults; reading them back with the same options round-trips.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static RequestJournal Read(S3EmulatorContainer container)
    {
        // A property getter reads it, so synchronously; the tests run on NUnit's threads, without a synchronization context.
        using var http = new HttpClient(container.CreateHandler()) { BaseAddress = container.GetServiceUrl() };
        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, "/_s3emulator/journal"));
        response.EnsureSuccessStatusCode();
        using var body = response.Content.ReadAsStream();
        var entries = JsonSerializer.Deserialize<List<JournalEntry>>(body, JsonOptions)
            ?? throw new InvalidOperationException("The container's journal endpoint answered null.");
        var journal = new RequestJournal(Math.Max(entries.Count, 1));
        foreach (var entry in entries) journal.Record(entry);
        return journal;
    }
}
