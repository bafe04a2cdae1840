using System.Collections.Concurrent;
using System.Reflection;

namespace Iomete.Platform.Tests.Storage;

/// <summary>Forwards every call of an interface to a real implementation and records the method names.</summary>
public class RecordingProxy<T> : DispatchProxy
    where T : class
{
    private T _inner = null!;

    public ConcurrentQueue<string> Calls { get; } = new();

    public static (T Proxy, RecordingProxy<T> Recorder) Wrap(T inner)
    {
        var proxy = Create<T, RecordingProxy<T>>();
        var recorder = (RecordingProxy<T>)(object)proxy;
        recorder._inner = inner;
        return (proxy, recorder);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.Enqueue(targetMethod.Name);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
