using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace VeSiting.Data.Importers.Osm.Pbf;

/// <summary>
/// An OpenStreetMap PBF file read as its data blocks in file order: one thread reads the blob headers and blobs
/// sequentially, <c>workers</c> threads inflate (zlib) and decode blocks in parallel, and a bounded queue of blocks in
/// flight keeps the memory bounded whatever the file's size. A cut or corrupt block throws
/// <see cref="PbfBlockException"/> naming the block and its byte offset when the reader reaches it in order, after every
/// block before it was given whole.
/// </summary>
internal sealed class PbfFile(Stream stream, int workers = 2)
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBlobBytes = 32 * 1024 * 1024;

    /// <summary>The data blocks in file order (enumerate once).</summary>
    public IEnumerable<PbfBlock> Blocks()
    {
        using var stop = new CancellationTokenSource();
        using var inFlight = new BlockingCollection<Task<PbfBlock?>>(boundedCapacity: workers * 3);
        var decoders = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, workers).ConcurrentScheduler;
        var producer = Task.Factory.StartNew(() => Produce(inFlight, decoders, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var pending in inFlight.GetConsumingEnumerable())
            {
                if (pending.GetAwaiter().GetResult() is { } block)
                    yield return block;
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
            }
        }
    }

    private void Produce(BlockingCollection<Task<PbfBlock?>> inFlight, TaskScheduler decoders, CancellationToken stop)
    {
        try
        {
            var index = 0;
            long offset = 0;
            while (true)
            {
                stop.ThrowIfCancellationRequested();
                Task<PbfBlock?> next;
                try
                {
                    if (ReadBlob(index, offset) is not { } raw)
                        break;
                    next = Task.Factory.StartNew(() => Decode(raw), stop, TaskCreationOptions.None, decoders);
                    offset = raw.End;
                }
                catch (PbfBlockException e)
                {
                    inFlight.Add(Task.FromException<PbfBlock?>(e), stop);
                    break;
                }
                inFlight.Add(next, stop);
                index++;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            inFlight.TryAdd(Task.FromException<PbfBlock?>(e));
        }
        finally
        {
            inFlight.CompleteAdding();
        }
    }

    private sealed record RawBlob(int Index, long Offset, long End, string Type, byte[] Data, int Length);

    /// <summary>The next blob as read from the file; null at the file's clean end.</summary>
    private RawBlob? ReadBlob(int index, long offset)
    {
        Span<byte> prefix = stackalloc byte[4];
        var got = stream.ReadAtLeast(prefix, 4, throwOnEndOfStream: false);
        if (got == 0)
            return null;
        if (got < 4)
            throw new PbfBlockException(index, offset, "the file ends inside the block's length prefix");
        var headerLength = BinaryPrimitives.ReadInt32BigEndian(prefix);
        if (headerLength <= 0 || headerLength > MaxHeaderBytes)
            throw new PbfBlockException(index, offset, $"the block header's length {headerLength:N0} is not between 1 and {MaxHeaderBytes:N0} bytes");
        var header = new byte[headerLength];
        if (stream.ReadAtLeast(header, headerLength, throwOnEndOfStream: false) < headerLength)
            throw new PbfBlockException(index, offset, "the file ends inside the block header");
        string? type = null;
        var dataSize = -1;
        try
        {
            var reader = new ProtoReader(header);
            while (!reader.End)
            {
                var (field, wire) = reader.Tag();
                if (field == 1 && wire == 2)
                    type = Encoding.UTF8.GetString(reader.Bytes());
                else if (field == 3 && wire == 0)
                    dataSize = reader.Int32();
                else
                    reader.Skip(wire);
            }
        }
        catch (InvalidDataException e)
        {
            throw new PbfBlockException(index, offset, $"the block header is corrupt: {e.Message}", e);
        }
        if (type is null || dataSize < 0 || dataSize > MaxBlobBytes)
            throw new PbfBlockException(index, offset, $"the block header gives no type or no size between 0 and {MaxBlobBytes:N0} bytes");
        var data = ArrayPool<byte>.Shared.Rent(Math.Max(1, dataSize));
        if (stream.ReadAtLeast(data.AsSpan(0, dataSize), dataSize, throwOnEndOfStream: false) < dataSize)
        {
            ArrayPool<byte>.Shared.Return(data);
            throw new PbfBlockException(index, offset, $"the file ends inside the block's {dataSize:N0} bytes of data");
        }
        return new RawBlob(index, offset, offset + 4 + headerLength + dataSize, type, data, dataSize);
    }

    private static PbfBlock? Decode(RawBlob raw)
    {
        byte[]? inflated = null;
        try
        {
            if (raw.Type is not ("OSMHeader" or "OSMData"))
                return null; // the format says readers skip blob types they do not know
            (inflated, var length) = PbfBlockDecoder.Inflate(raw.Data, raw.Length);
            var content = inflated.AsSpan(0, length);
            if (raw.Type == "OSMHeader")
            {
                PbfBlockDecoder.CheckHeader(content);
                return null;
            }
            return new PbfBlock(raw.Index, raw.Offset, raw.End, PbfBlockDecoder.DecodePrimitiveBlock(content));
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException or IndexOutOfRangeException)
        {
            throw new PbfBlockException(raw.Index, raw.Offset, e.Message, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw.Data);
            if (inflated is not null)
                ArrayPool<byte>.Shared.Return(inflated);
        }
    }
}

/// <summary>A PBF block that is cut or corrupt: <see cref="Block"/> counts from 0, <see cref="Offset"/> is the byte where it starts.</summary>
internal sealed class PbfBlockException(int block, long offset, string reason, Exception? inner = null)
    : IOException($"block {block:N0} (starting at byte {offset:N0}): {reason}", inner)
{
    public int Block { get; } = block;
    public long Offset { get; } = offset;
}
