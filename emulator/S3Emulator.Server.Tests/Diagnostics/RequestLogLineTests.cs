using Microsoft.Extensions.Logging;
using S3Emulator.Server.Diagnostics;

namespace S3Emulator.Server.Tests.Diagnostics;

public sealed class RequestLogLineTests
{
    private const string SignedTarget =
        "/photos/a%20b.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20260301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=0123abcd";

    [Test]
    public void Write_WhenOn_LogsOneInformationLineWithEveryFieldAndNoSignature()
    {
        var logger = new RecordingLogger(LogLevel.Information);

        RequestLogLine.Write(logger, enabled: true, "GET", SignedTarget, "GetObject", "arn:aws:iam::123456789012:root", 404, "NoSuchKey",
            TimeSpan.FromMilliseconds(12.34));

        var (level, eventId, message) = logger.Lines.Single();
        Assert.That(level, Is.EqualTo(LogLevel.Information));
        Assert.That(eventId, Is.EqualTo(1));
        Assert.That(message, Is.EqualTo(
            "GET /photos/a%20b.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256 GetObject 404 NoSuchKey by arn:aws:iam::123456789012:root in 12.3 ms"));
    }

    [Test]
    public void Write_ForAnAnonymousSuccess_SaysSo()
    {
        var logger = new RecordingLogger(LogLevel.Information);

        RequestLogLine.Write(logger, enabled: true, "PUT", "/b/k", "PutObject", null, 200, null, TimeSpan.FromMilliseconds(1));

        Assert.That(logger.Lines.Single().Message, Is.EqualTo("PUT /b/k PutObject 200 - by anonymous in 1.0 ms"));
    }

    [Test]
    public void Write_WhenOff_DoesNotEvenAskTheLogger()
    {
        var logger = new RecordingLogger(LogLevel.Trace);

        RequestLogLine.Write(logger, enabled: false, "GET", SignedTarget, "GetObject", null, 200, null, TimeSpan.Zero);

        Assert.That(logger.Lines, Is.Empty);
        Assert.That(logger.EnabledChecks, Is.Zero);
    }

    [Test]
    public void Write_WhenTheLevelIsFilteredOut_WritesNothing()
    {
        var logger = new RecordingLogger(LogLevel.Warning);

        RequestLogLine.Write(logger, enabled: true, "GET", SignedTarget, "GetObject", null, 200, null, TimeSpan.Zero);

        Assert.That(logger.Lines, Is.Empty);
    }

    private sealed class RecordingLogger(LogLevel minimum) : ILogger
    {
        public List<(LogLevel Level, int EventId, string Message)> Lines { get; } = [];

        public int EnabledChecks { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel)
        {
            EnabledChecks++;
            return logLevel >= minimum;
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= minimum) Lines.Add((logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}
