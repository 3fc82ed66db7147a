using System.Buffers;
using System.Globalization;
using System.Text;

namespace RingCentral.Simulator.Infrastructure;

/// <summary>
/// Builds RingCentral's batch answer: multipart/mixed with a Jersey-style boundary, CRLF line ends,
/// a summary part <c>{"response":[{href,status,responseDescription}]}</c>, then one JSON part per id.
/// </summary>
internal sealed class MultipartWriter
{
    private static long s_counter;
    private readonly ArrayBufferWriter<byte> _body = new(16 * 1024);

    public MultipartWriter()
    {
        var n = Interlocked.Increment(ref s_counter);
        Boundary = string.Create(CultureInfo.InvariantCulture,
            $"Boundary_{n}_{Random.Shared.Next(10_000_000, 999_999_999)}_{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
    }

    public string Boundary { get; }
    public string ContentType => "multipart/mixed; boundary=" + Boundary;

    public void AddJsonPart(ReadOnlySpan<byte> json)
    {
        Write("--" + Boundary + "\r\nContent-Type: application/json\r\n\r\n");
        _body.Write(json);
        Write("\r\n");
    }

    public byte[] Finish()
    {
        Write("--" + Boundary + "--\r\n");
        return _body.WrittenSpan.ToArray();
    }

    private void Write(string s) => _body.Write(Encoding.ASCII.GetBytes(s));
}
