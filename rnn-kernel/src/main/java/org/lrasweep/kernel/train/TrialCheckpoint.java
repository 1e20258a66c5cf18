package org.lrasweep.kernel.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.model.Weights;

/**
 * A trial's complete state between two iterations: from it, {@link TrialRunner} continues the
 * trajectory exactly as the uninterrupted trial would have, bit for bit. It holds the weights, what
 * the trainer carries across iterations (LRA's momentum velocity), the trial stream's MT19937
 * position, the protocol's counters, and the curve and per-step diagnostics so far.
 *
 * <p>Encoded ({@link #encode()}) as a versioned binary file: the magic {@code LRACKPT}, the format
 * version, the deflated payload's length and the payload, then a CRC-32C of everything before it,
 * so that a truncated or damaged file is refused ({@link Corrupt}) instead of resumed.
 *
 * @param trajectory      the canonical trajectory parameters ({@code key=value} lines): the trial's
 *                        parameters without its stopping rule; a checkpoint serves only trials with these
 * @param iteration       iterations run
 * @param diverged        whether the trajectory diverged at {@code iteration} (it cannot run on)
 * @param weights         the weights after {@code iteration} iterations
 * @param carried         the trainer's state besides the weights ({@link Trainer#carriedState()})
 * @param stream          the trial stream's position ({@link org.lrasweep.kernel.random.NumpyRandomState#state()})
 * @param bestError       the best test error so far (infinite before the first check)
 * @param checksSinceBest checks since the best error was first reached
 * @param omegaZeroEvents Omega terms the guard skipped so far
 * @param omegaGuardFirst the first iteration at which the guard skipped one, or -1
 * @param wallSeconds     training and evaluation time spent on the trajectory so far
 * @param curve           the checks so far
 * @param diagnostics     the per-step diagnostics at each check so far
 */
public record TrialCheckpoint(String trajectory, int iteration, boolean diverged, Weights weights, List<Matrix> carried,
                              int[] stream, double bestError, int checksSinceBest, long omegaZeroEvents, int omegaGuardFirst,
                              double wallSeconds, List<CurvePoint> curve, List<DiagnosticsPoint> diagnostics) {
    /** The format version this code writes and reads. */
    public static final int FORMAT = 1;
    private static final byte[] MAGIC = "LRACKPT".getBytes(StandardCharsets.US_ASCII);

    /** A checkpoint that cannot be read: truncated, damaged, or of another format. */
    public static final class Corrupt extends Exception {
        public Corrupt(String message) {
            super(message);
        }
    }

    /** The canonical trajectory parameters of a configuration, as checkpoints record them. */
    public static String trajectoryOf(TrialConfig config) {
        StringBuilder text = new StringBuilder();
        config.values().trajectoryCanonical().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    /** Whether this checkpoint is a state of the trajectory of that configuration. */
    public boolean serves(TrialConfig config) {
        return trajectory.equals(trajectoryOf(config));
    }

    /** What the configuration's stopping rule makes of the trajectory known up to here. */
    public StoppingRule.Cut cutUnder(TrialConfig config) {
        return StoppingRule.of(config).cut(curve, iteration, diverged, config.testSize());
    }

    /** The checkpoint as bytes. */
    public byte[] encode() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(raw)) {
            out.writeUTF(trajectory);
            out.writeInt(iteration);
            out.writeBoolean(diverged);
            List<Matrix> matrices = new ArrayList<>(List.of(weights.wxh, weights.whh, weights.why, weights.bh, weights.by));
            matrices.addAll(carried);
            out.writeInt(matrices.size());
            for (Matrix m : matrices) {
                out.writeInt(m.rows);
                out.writeInt(m.cols);
                ByteBuffer b = ByteBuffer.allocate(4 * m.size());
                b.asFloatBuffer().put(m.toArray());
                out.write(b.array());
            }
            out.writeInt(stream.length);
            for (int word : stream) {
                out.writeInt(word);
            }
            out.writeDouble(bestError);
            out.writeInt(checksSinceBest);
            out.writeLong(omegaZeroEvents);
            out.writeInt(omegaGuardFirst);
            out.writeDouble(wallSeconds);
            out.writeInt(curve.size());
            for (CurvePoint p : curve) {
                out.writeInt(p.iteration());
                out.writeDouble(p.trainLoss());
                out.writeDouble(p.targetLoss());
                out.writeDouble(p.testLoss());
                out.writeDouble(p.testAccuracy());
            }
            out.writeInt(diagnostics.size());
            for (DiagnosticsPoint d : diagnostics) {
                StepDiagnostics s = d.steps();
                out.writeInt(d.iteration());
                out.writeInt(s.whhNorms().length);
                out.writeBoolean(s.localLosses() != null);
                if (s.localLosses() != null) {
                    writeDoubles(out, s.localLosses());
                }
                writeDoubles(out, s.whhNorms());
                writeDoubles(out, s.wxhNorms());
                writeDoubles(out, s.bhNorms());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = deflate(raw.toByteArray());
        ByteBuffer file = ByteBuffer.allocate(MAGIC.length + 8 + payload.length + 8);
        file.put(MAGIC).putInt(FORMAT).putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(file.array(), 0, file.position());
        file.putLong(crc.getValue());
        return file.array();
    }

    /**
     * Reads a checkpoint.
     *
     * @throws Corrupt when the bytes are not a whole checkpoint of this format (the message says why)
     */
    public static TrialCheckpoint decode(byte[] bytes) throws Corrupt {
        int header = MAGIC.length + 8;
        if (bytes.length < header + 8 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new Corrupt("not a checkpoint (" + bytes.length + " bytes, no LRACKPT header)");
        }
        ByteBuffer file = ByteBuffer.wrap(bytes);
        file.position(MAGIC.length);
        int format = file.getInt();
        int length = file.getInt();
        if (format != FORMAT) {
            throw new Corrupt("checkpoint format " + format + ", this code reads " + FORMAT);
        }
        if (length < 0 || bytes.length != header + length + 8) {
            throw new Corrupt("truncated: " + bytes.length + " bytes, the header announces " + ((long) header + length + 8));
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, header + length);
        if (crc.getValue() != ByteBuffer.wrap(bytes, header + length, 8).getLong()) {
            throw new Corrupt("checksum mismatch");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(inflate(bytes, header, length)))) {
            String trajectory = in.readUTF();
            int iteration = in.readInt();
            boolean diverged = in.readBoolean();
            List<Matrix> matrices = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                int rows = in.readInt();
                int cols = in.readInt();
                byte[] b = new byte[4 * rows * cols];
                in.readFully(b);
                float[] values = new float[rows * cols];
                ByteBuffer.wrap(b).asFloatBuffer().get(values);
                matrices.add(Matrix.of(values, rows, cols));
            }
            if (matrices.size() < 5) {
                throw new Corrupt("holds " + matrices.size() + " matrices, the weights alone are 5");
            }
            Weights weights = new Weights(matrices.get(0), matrices.get(1), matrices.get(2), matrices.get(3), matrices.get(4));
            int[] stream = new int[in.readInt()];
            for (int i = 0; i < stream.length; i++) {
                stream[i] = in.readInt();
            }
            double bestError = in.readDouble();
            int checksSinceBest = in.readInt();
            long omegaZeroEvents = in.readLong();
            int omegaGuardFirst = in.readInt();
            double wallSeconds = in.readDouble();
            List<CurvePoint> curve = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                curve.add(new CurvePoint(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            List<DiagnosticsPoint> diagnostics = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                int at = in.readInt();
                int length2 = in.readInt();
                double[] local = in.readBoolean() ? readDoubles(in, length2) : null;
                diagnostics.add(new DiagnosticsPoint(at, new StepDiagnostics(local, readDoubles(in, length2), readDoubles(in, length2),
                        readDoubles(in, length2))));
            }
            if (in.read() != -1) {
                throw new Corrupt("trailing bytes after the payload");
            }
            return new TrialCheckpoint(trajectory, iteration, diverged, weights, List.copyOf(matrices.subList(5, matrices.size())),
                    stream, bestError, checksSinceBest, omegaZeroEvents, omegaGuardFirst, wallSeconds, List.copyOf(curve),
                    List.copyOf(diagnostics));
        } catch (IOException | IllegalArgumentException e) {
            throw new Corrupt("unreadable payload: " + e.getMessage());
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in, int n) throws IOException {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
        byte[] chunk = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] bytes, int offset, int length) throws Corrupt {
        Inflater inflater = new Inflater();
        inflater.setInput(bytes, offset, length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * 2);
        byte[] chunk = new byte[1 << 16];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Corrupt("deflated payload ends early");
                }
                out.write(chunk, 0, n);
            }
        } catch (DataFormatException e) {
            throw new Corrupt("deflated payload damaged: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
