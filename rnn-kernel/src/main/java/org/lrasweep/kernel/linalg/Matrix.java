package org.lrasweep.kernel.linalg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense row-major float32 matrix in memory allocated by ND4J, with its direct buffer and BLAS
 * pointer resolved once, so that the kernel's hot loops touch it without ND4J's per-op dispatch
 * (measured here: about 70 us for an ND4J mmul of 20x100 by 100x100 against 6.5 us for the
 * OpenBLAS call it wraps, and 5 us for an element-wise op on 2,000 values against 0.5 us for a
 * Java loop over the same memory).
 *
 * <p>Row blocks ({@link #rows(int, int)}) are views sharing memory with their parent, which they
 * keep reachable. Not thread-safe; a trainer owns its matrices.
 */
public final class Matrix {
    public final int rows;
    public final int cols;
    private final INDArray owner;
    private final ByteBuffer bytes;
    private final FloatBuffer buffer;
    private final int offset;
    private final FloatPointer pointer;

    private Matrix(int rows, int cols, INDArray owner, ByteBuffer bytes, FloatBuffer buffer, int offset, FloatPointer pointer) {
        this.rows = rows;
        this.cols = cols;
        this.owner = owner;
        this.bytes = bytes;
        this.buffer = buffer;
        this.offset = offset;
        this.pointer = pointer;
    }

    /** A new zero matrix. */
    public static Matrix zeros(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("matrix shape must be positive, got " + rows + "x" + cols);
        }
        INDArray a = Nd4j.zeros(DataType.FLOAT, rows, cols);
        FloatPointer pointer = new FloatPointer(a.data().addressPointer());
        ByteBuffer bytes = new BytePointer(pointer).capacity(4L * rows * cols).asByteBuffer().order(ByteOrder.nativeOrder());
        return new Matrix(rows, cols, a, bytes, bytes.asFloatBuffer(), 0, pointer);
    }

    /** A new matrix holding the given row-major values. */
    public static Matrix of(float[] values, int rows, int cols) {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(values.length + " values for a " + rows + "x" + cols + " matrix");
        }
        Matrix m = zeros(rows, cols);
        m.buffer.put(0, values);
        return m;
    }

    /** Rows {@code [from, to)} as a view sharing this matrix's memory. */
    public Matrix rows(int from, int to) {
        if (from < 0 || to > rows || from >= to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + rows);
        }
        int start = offset + from * cols;
        return new Matrix(to - from, cols, owner, bytes, buffer, start, new FloatPointer(pointer).position(pointer.position() + (long) from * cols));
    }

    /** Number of entries. */
    public int size() {
        return rows * cols;
    }

    /** Entry i in row-major order. */
    public float get(int i) {
        return buffer.get(offset + i);
    }

    public float get(int row, int col) {
        return buffer.get(offset + row * cols + col);
    }

    public void set(int i, float v) {
        buffer.put(offset + i, v);
    }

    public void set(int row, int col, float v) {
        buffer.put(offset + row * cols + col, v);
    }

    /** The entries in row-major order, copied. */
    public float[] toArray() {
        float[] out = new float[size()];
        buffer.get(offset, out);
        return out;
    }

    /** A deep copy. */
    public Matrix copy() {
        return of(toArray(), rows, cols);
    }

    /** Copies src (same shape) into this matrix. */
    public Matrix assign(Matrix src) {
        requireSameShape(src);
        buffer.put(offset, src.buffer, src.offset, size());
        return this;
    }

    /** Sets every entry to v. */
    public Matrix fill(float v) {
        for (int i = 0, n = size(); i < n; i++) {
            buffer.put(offset + i, v);
        }
        return this;
    }

    /** Sum of squares, accumulated in double (see {@link Ops#sumSquares}). */
    public double sumSquares() {
        return Ops.sumSquares(this);
    }

    /** Frobenius norm. */
    public double norm() {
        return Math.sqrt(sumSquares());
    }

    void requireSameShape(Matrix other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException("shape mismatch: " + rows + "x" + cols + " vs " + other.rows + "x" + other.cols);
        }
    }

    FloatBuffer buffer() {
        return buffer;
    }

    /** The whole allocation's bytes (native order); entry i of this matrix is at byte 4 (offset + i). */
    ByteBuffer bytes() {
        return bytes;
    }

    int offset() {
        return offset;
    }

    /**
     * {@code c = alpha op(a) op(b) + beta c} by OpenBLAS sgemm on the matrices' memory.
     *
     * @throws IllegalArgumentException on mismatched shapes
     */
    public static void gemm(Matrix a, boolean transA, Matrix b, boolean transB, Matrix c, float alpha, float beta) {
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows;
        int n = transB ? b.rows : b.cols;
        if (m != c.rows || n != c.cols || k != kb) {
            throw new IllegalArgumentException("gemm shape mismatch: " + m + "x" + k + " times " + kb + "x" + n
                    + " into " + c.rows + "x" + c.cols);
        }
        FLOPS.add(2L * m * n * k);
        openblas.cblas_sgemm(openblas.CblasRowMajor,
                transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans,
                m, n, k, alpha, a.pointer, a.cols, b.pointer, b.cols, beta, c.pointer, c.cols);
    }

    /** Floating-point operations of every product so far, in this JVM (for {@code bench}'s FLOP rates). */
    private static final java.util.concurrent.atomic.LongAdder FLOPS = new java.util.concurrent.atomic.LongAdder();

    /** The floating-point operations of all products since the JVM started (2 m n k per product). */
    public static long productFlops() {
        return FLOPS.sum();
    }

    /** {@code c = op(a) op(b)}. */
    public static void multiply(Matrix a, boolean transA, Matrix b, boolean transB, Matrix c) {
        gemm(a, transA, b, transB, c, 1f, 0f);
    }

    /** {@code c += op(a) op(b)}. */
    public static void multiplyAdd(Matrix a, boolean transA, Matrix b, boolean transB, Matrix c) {
        gemm(a, transA, b, transB, c, 1f, 1f);
    }
}
