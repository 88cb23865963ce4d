namespace S3Emulator.Server.Functions;

/// <summary>
/// Runs a function hosted beside the emulator (in-process or plug-in) with its role's credentials, as Lambda runs one:
/// the handler's token is cancelled at the timeout, and the invocation ends then even when the handler ignores it.
/// </summary>
internal sealed class LocalFunctionHost(FunctionCredentialIssuer credentials, TimeProvider time)
{
    public async Task<HostResult> InvokeAsync(ResolvedFunction resolved, string eventJson, Uri emulatorUrl, CancellationToken cancellationToken)
    {
        var function = resolved.Function;
        var handler = function.Handler ?? throw new InvalidOperationException($"{resolved.Arn} is not a local function.");
        var invocation = new ObjectLambdaInvocation(resolved.Arn, eventJson, credentials.For(function), emulatorUrl);
        var timeout = new CancellationTokenSource(function.Timeout, time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        // The sources are disposed once both the handler and this wait are done with them: the handler holds the token
        // until it ends, which may be after the caller has its answer (or before this method has started waiting).
        var users = 2;
        void Release()
        {
            if (Interlocked.Decrement(ref users) != 0) return;
            linked.Dispose();
            timeout.Dispose();
        }
        // On the thread pool: a handler that blocks before its first await must not hold the caller past the timeout.
        var running = Task.Run(() => handler.InvokeAsync(invocation, token), CancellationToken.None);
        // A failure the handler has after the caller's answer has no one to report to.
        _ = running.ContinueWith(
            ended =>
            {
                _ = ended.Exception;
                Release();
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return HostResult.Returned(await running.WaitAsync(token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return HostResult.TimedOut;
        }
        catch (Exception failure)
        {
            // Lambda's errorType for an unhandled exception is the exception's type name.
            return HostResult.Failed(failure.GetType().Name);
        }
        finally
        {
            Release();
        }
    }
}
