namespace EcsNet.Tests.Kernels;

/// <summary>
/// The blocked transpose against the definition dst[c · dstStride + r] = src[r · srcStride + c], for wide and tall
/// shapes (it walks them in different orders), sizes that are not multiples of the 8 × 8 block, and strides wider than
/// the rows; nothing outside the target cells is written.
/// </summary>
public class TransposeTests
{
    [Theory]
    [InlineData(32, 784, 784, 32)]
    [InlineData(884, 32, 32, 900)]
    [InlineData(13, 37, 40, 20)]
    [InlineData(37, 13, 13, 41)]
    [InlineData(8, 8, 8, 8)]
    [InlineData(1, 19, 19, 1)]
    [InlineData(19, 1, 3, 19)]
    public void TransposeMatchesItsDefinition(int rows, int cols, int srcStride, int dstStride)
    {
        var src = new float[((rows - 1) * srcStride) + cols];
        for (var i = 0; i < src.Length; i++)
        {
            src[i] = i + 0.5f;
        }

        var dst = new float[((cols - 1) * dstStride) + rows + 3];
        Array.Fill(dst, float.NaN);
        EcsNet.Kernels.Transpose.Run(src, srcStride, dst, dstStride, rows, cols);

        var written = new bool[dst.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                Assert.Equal(src[(r * srcStride) + c], dst[(c * dstStride) + r]);
                written[(c * dstStride) + r] = true;
            }
        }

        for (var i = 0; i < dst.Length; i++)
        {
            Assert.True(written[i] || float.IsNaN(dst[i]), $"cell {i} outside the shape was written");
        }
    }
}
