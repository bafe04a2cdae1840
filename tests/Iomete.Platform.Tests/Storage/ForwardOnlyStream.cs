namespace Iomete.Platform.Tests.Storage;

/// <summary>
/// Hands out bytes in small reads without seeking or a length, and can fail after a number of
/// bytes, like a producer that dies mid-write.
/// </summary>
internal sealed class ForwardOnlyStream(byte[] content, long failAfter = long.MaxValue) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= failAfter)
        {
            throw new IOException("The producer failed.");
        }
        var n = (int)Math.Min(Math.Min(count, 64 * 1024), Math.Min(content.Length - _position, failAfter - _position));
        Array.Copy(content, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
