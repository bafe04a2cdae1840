using System.Globalization;
using System.Reflection;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.LocalHost.Hosting;

/// <summary>
/// Calls one <c>[Function]</c> method the way the Functions worker would: a new instance of its
/// class from DI per call, the request for the trigger, route values for the other parameters.
/// </summary>
internal sealed class FunctionInvoker
{
    private readonly FunctionDescriptor _function;
    private readonly ObjectFactory? _factory;
    private readonly MethodInvoker _invoker;
    private readonly Func<HttpContext, object?>[] _binders;

    // One per function: building an ActionDescriptor per call (it makes a GUID string) costs more
    // than the trivial functions it would wrap; results read nothing from it.
    private readonly ActionDescriptor _descriptor = new();

    public FunctionInvoker(FunctionDescriptor function)
    {
        _function = function;
        _factory = function.Method.IsStatic ? null : ActivatorUtilities.CreateFactory(function.FunctionClass, Type.EmptyTypes);
        _invoker = MethodInvoker.Create(function.Method);
        _binders = function.Method.GetParameters().Select(CreateBinder).ToArray();
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var target = _factory?.Invoke(context.RequestServices, null);
        try
        {
            var args = new object?[_binders.Length];
            for (var i = 0; i < _binders.Length; i++)
            {
                args[i] = _binders[i](context);
            }
            var result = await AwaitResult(_invoker.Invoke(target, args.AsSpan()));
            if (result is IActionResult action)
            {
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), _descriptor));
            }
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async Task<object?> AwaitResult(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType ? type.GetProperty("Result")!.GetValue(task) : null;
            default:
                return returned;
        }
    }

    private Func<HttpContext, object?> CreateBinder(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null)
        {
            return parameter.ParameterType == typeof(HttpRequest)
                ? c => c.Request
                : throw Unsupported(parameter, "the trigger must be an HttpRequest");
        }
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return c => c.RequestAborted;
        }
        if (parameter.ParameterType == typeof(FunctionContext))
        {
            throw Unsupported(parameter, "FunctionContext is not available in the local host; use HttpRequest.HttpContext");
        }
        var name = parameter.Name!;
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type == typeof(string))
        {
            return c => c.Request.RouteValues.TryGetValue(name, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        }
        if (type.IsPrimitive || type == typeof(Guid))
        {
            return c =>
            {
                var raw = c.Request.RouteValues.TryGetValue(name, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
                if (raw is null)
                {
                    return null;
                }
                try
                {
                    return type == typeof(Guid) ? Guid.Parse(raw, CultureInfo.InvariantCulture) : Convert.ChangeType(raw, type, CultureInfo.InvariantCulture);
                }
                catch (FormatException)
                {
                    throw ValidationException.ForField(name, $"'{raw}' is not a valid {type.Name}");
                }
            };
        }
        throw Unsupported(parameter, "only the trigger, route values and a CancellationToken can be bound");
    }

    private InvalidOperationException Unsupported(ParameterInfo parameter, string why) =>
        new($"Function '{_function.Name}', parameter '{parameter.Name}': {why}.");
}
