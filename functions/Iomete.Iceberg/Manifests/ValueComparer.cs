using System.Text;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Manifests;

/// <summary>Orders values of one primitive type as Iceberg does: numbers numerically, strings by UTF-8 bytes, binary and uuid unsigned bytewise.</summary>
internal static class ValueComparer
{
    public static int Compare(PrimitiveType type, object a, object b) => type.Id switch
    {
        TypeId.String => Bytes(Encoding.UTF8.GetBytes((string)a), Encoding.UTF8.GetBytes((string)b)),
        TypeId.Uuid => Bytes(((Guid)a).ToByteArray(bigEndian: true), ((Guid)b).ToByteArray(bigEndian: true)),
        TypeId.Fixed or TypeId.Binary => Bytes((byte[])a, (byte[])b),
        _ => ((IComparable)a).CompareTo(b),
    };

    private static int Bytes(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);
}
