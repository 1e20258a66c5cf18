package org.lrasweep.kernel.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.bytedeco.openblas.global.openblas;
import org.lrasweep.kernel.linalg.BlasCore;
import org.lrasweep.kernel.linalg.Matrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code roof}: single-thread sgemm rate of this machine, the ceiling for the kernel's training
 * step: OpenBLAS called directly (what the kernel does) at a large square size and at the
 * kernel's per-step shape, and ND4J's {@code mmul} at the same shapes (its dispatch cost).
 */
@Command(name = "roof", mixinStandardHelpOptions = true,
        description = "Measure single-thread sgemm GFLOP/s: OpenBLAS direct and ND4J mmul; one JSON line.")
final class RoofCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--square", defaultValue = "256", description = "size n of the n x n x n product (default: ${DEFAULT-VALUE})")
    int square;

    @Option(names = "--seconds", defaultValue = "1.0", description = "time per measurement (default: ${DEFAULT-VALUE})")
    double seconds;

    @Override
    public Integer call() {
        openblas.blas_set_num_threads(1);
        ObjectNode out = ResultJson.MAPPER.createObjectNode()
                .put("square", square)
                .put("openblas_gflops_square", direct(square, square, square))
                .put("openblas_gflops_step", direct(20, 100, 100))
                .put("nd4j_mmul_gflops_square", nd4j(square, square, square))
                .put("nd4j_mmul_gflops_step", nd4j(20, 100, 100))
                .put("step_shape", "20x100 * 100x100")
                .put("openblas_threads", openblas.blas_get_num_threads())
                .put("openblas_coretype", System.getenv().getOrDefault("OPENBLAS_CORETYPE", "detected"))
                .put("blas_core", BlasCore.name());
        BlasCore.fallbackWarning().ifPresent(w -> spec.commandLine().getErr().println("warning: " + w));
        spec.commandLine().getOut().println(out.toString());
        return 0;
    }

    private double direct(int m, int k, int n) {
        Matrix a = Matrix.zeros(m, k).fill(0.5f);
        Matrix b = Matrix.zeros(k, n).fill(0.25f);
        Matrix c = Matrix.zeros(m, n);
        return rate(m, k, n, () -> Matrix.multiply(a, false, b, false, c));
    }

    private double nd4j(int m, int k, int n) {
        INDArray a = Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b = Nd4j.rand(DataType.FLOAT, k, n);
        return rate(m, k, n, () -> a.mmul(b));
    }

    /** GFLOP/s of the product, warmed up, over about {@code seconds}. */
    private double rate(int m, int k, int n, Runnable product) {
        for (int i = 0; i < 50; i++) {
            product.run();
        }
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < seconds * 1e9) {
            product.run();
            count++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return 2.0 * m * k * n * count / elapsed / 1e9;
    }
}
