namespace Iomete.DataSecurity.Engine;

/// <summary>One request prepared for evaluation: normalized access type, resolved user, macros.</summary>
internal sealed class RequestContext
{
    public RequestContext(PolicyRequest request, EvalUser user)
    {
        Request = request;
        User = user;
        var type = string.IsNullOrEmpty(request.AccessType) ? PolicyEngine.AnyAccess : AccessTypes.Normalize(request.AccessType);
        AccessType = type;
        IsAnyAccess = type == PolicyEngine.AnyAccess;
        Macros = new MacroContext(user.Name, request.ResourceOwner, user.Attributes);
        Conditions = new ConditionContext(user, null, request.AccessTime);
    }

    public PolicyRequest Request { get; }

    public EvalUser User { get; }

    public string AccessType { get; }

    public bool IsAnyAccess { get; }

    public MacroContext Macros { get; }

    /// <summary>Condition context for resource policies (no tag).</summary>
    public ConditionContext Conditions { get; }

    public ConditionContext ForTag(ResourceTag tag) => Conditions with { TagAttributes = tag.Attributes };
}
