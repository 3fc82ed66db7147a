using System.Text.Encodings.Web;
using System.Text.Json;

namespace RingCentral.Simulator.Json;

/// <summary>Writer settings: RingCentral writes '+' and '&amp;' literally, so use the relaxed encoder.</summary>
internal static class JsonOut
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
