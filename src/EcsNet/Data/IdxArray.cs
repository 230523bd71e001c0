namespace EcsNet.Data;

/// <summary>An n-dimensional array of unsigned bytes read from an IDX file, row-major.</summary>
public sealed class IdxArray
{
    /// <summary>Creates an array; <paramref name="data"/> must hold exactly the product of the dimensions.</summary>
    /// <param name="dimensions">Sizes, outermost first (for MNIST images: count, rows, columns).</param>
    /// <param name="data">Row-major element bytes.</param>
    public IdxArray(int[] dimensions, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(data);
        if (dimensions.Length == 0)
        {
            throw new ArgumentException("An IDX array has at least one dimension.", nameof(dimensions));
        }
        long product = 1;
        foreach (int d in dimensions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(dimensions));
            product *= d;
            if (product > Array.MaxLength)
            {
                throw new ArgumentException("Dimensions describe more elements than an array can hold.", nameof(dimensions));
            }
        }
        if (product != data.Length)
        {
            throw new ArgumentException($"Dimensions describe {product} elements but data has {data.Length}.", nameof(data));
        }
        Dimensions = dimensions;
        Data = data;
    }

    /// <summary>Sizes, outermost first.</summary>
    public int[] Dimensions { get; }

    /// <summary>Row-major element bytes.</summary>
    public byte[] Data { get; }

    /// <summary>The IDX element type code; always 0x08 (unsigned byte), the only type this reader accepts.</summary>
    public byte ElementType => 0x08;

    /// <summary>Number of items along the first dimension (images or labels).</summary>
    public int Count => Dimensions[0];

    /// <summary>Elements per item: the product of all dimensions after the first (1 for a vector).</summary>
    public int ItemSize
    {
        get
        {
            int size = 1;
            for (int i = 1; i < Dimensions.Length; i++)
            {
                size *= Dimensions[i];
            }
            return size;
        }
    }
}
