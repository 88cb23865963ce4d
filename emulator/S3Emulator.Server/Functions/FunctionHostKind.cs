using System.Text.Json.Serialization;

namespace S3Emulator.Server.Functions;

/// <summary>Where a function runs; recorded in the journal with each invocation, by name (<c>"PlugIn"</c>, not 1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FunctionHostKind>))]
public enum FunctionHostKind
{
    /// <summary>A delegate or transform registered in code on the in-process fixture.</summary>
    InProcess,

    /// <summary>A transform loaded from an assembly in the configured plug-in folder.</summary>
    PlugIn,

    /// <summary>A URL the emulator POSTs the event to.</summary>
    Http,
}
