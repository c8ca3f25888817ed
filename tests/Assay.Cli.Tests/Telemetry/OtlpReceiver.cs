using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assay.Cli.Tests.Telemetry;

/// <summary>
/// A tiny OTLP/HTTP collector on loopback: it accepts <c>/v1/traces</c> and <c>/v1/metrics</c>,
/// counts the requests and decodes the spans (name and attributes) from the protobuf bodies
/// with the few wire-format rules the OTLP trace messages use.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    public ConcurrentQueue<byte[]> TraceBodies { get; } = new();

    public int MetricRequests => _metricRequests;

    public Uri BaseUrl { get; private set; } = null!;

    private int _metricRequests;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            var body = await ReadAsync(request);
            receiver.TraceBodies.Enqueue(body);
            foreach (var span in DecodeTraces(body))
            {
                receiver.Spans.Enqueue(span);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            await ReadAsync(request);
            Interlocked.Increment(ref receiver._metricRequests);
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address);
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    // ExportTraceServiceRequest: 1 resource_spans -> ResourceSpans: 2 scope_spans -> ScopeSpans:
    // 1 scope (1 name), 2 spans -> Span: 5 name, 9 attributes -> KeyValue: 1 key, 2 AnyValue
    // (1 string, 2 bool, 3 int64, 4 double).
    private static IEnumerable<ReceivedSpan> DecodeTraces(byte[] body)
    {
        foreach (var resource in Fields(body).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in Fields(resource.Bytes).Where(f => f.Number == 2))
            {
                var scope = Fields(scopeSpans.Bytes).Where(f => f.Number == 1).Select(f => Text(Fields(f.Bytes).FirstOrDefault(x => x.Number == 1).Bytes)).FirstOrDefault() ?? string.Empty;
                foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
                {
                    var fields = Fields(span.Bytes).ToList();
                    var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var kv in fields.Where(f => f.Number == 9))
                    {
                        var parts = Fields(kv.Bytes).ToList();
                        var key = Text(parts.First(p => p.Number == 1).Bytes);
                        var value = parts.FirstOrDefault(p => p.Number == 2);
                        attributes[key] = value.Bytes.IsEmpty ? null : Value(value.Bytes);
                    }

                    yield return new ReceivedSpan(scope, Text(fields.First(f => f.Number == 5).Bytes), attributes);
                }
            }
        }
    }

    private static object? Value(ReadOnlyMemory<byte> anyValue)
    {
        var field = Fields(anyValue).FirstOrDefault();
        return field.Number switch
        {
            1 => Text(field.Bytes),
            2 => field.Varint != 0,
            3 => (long)field.Varint,
            4 => BitConverter.Int64BitsToDouble((long)field.Varint),
            _ => null,
        };
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    private static IEnumerable<Field> Fields(ReadOnlyMemory<byte> message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var tag = ReadVarint(message.Span, ref at);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    yield return new Field(number, default, ReadVarint(message.Span, ref at));
                    break;
                case 1:
                    yield return new Field(number, default, BinaryPrimitives.ReadUInt64LittleEndian(message.Span[at..]));
                    at += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref at);
                    yield return new Field(number, message.Slice(at, length), 0);
                    at += length;
                    break;
                case 5:
                    yield return new Field(number, default, BinaryPrimitives.ReadUInt32LittleEndian(message.Span[at..]));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"protobuf wire type {tag & 7} at byte {at}");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private readonly record struct Field(int Number, ReadOnlyMemory<byte> Bytes, ulong Varint);
}

internal sealed record ReceivedSpan(string Scope, string Name, IReadOnlyDictionary<string, object?> Attributes);
