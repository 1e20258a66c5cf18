package org.lrasweep.kernel.train;

import org.lrasweep.kernel.linalg.Matrix;

/**
 * The buffers of released LRA's chains for one shape (T, B, H), allocated once per trial.
 *
 * <p>In {@code released} the local loss of every step l is differentiated back to step 0: chain l
 * carries its delta from step l down to 0 through the same Whh and tanh' as every other chain. All
 * chains alive at a step therefore advance together, as one stacked [(chains B) x H] * Whh^T product
 * (the frontier), instead of one small product per chain and step; and each chain keeps its deltas
 * at every step, so that its dWhh is one product over its stacked steps (inner dimension l B). The
 * price is memory: T^2 B H / 2 floats for the chains (doubled with the regularizer's chains), 40 MB
 * at T = 100, H = 100, B = 20.
 */
final class ReleasedChains {
    final int batch;
    /** Chain l's deltas at steps 0..l, stacked by step ([l] is (l+1) B x H; [0] is unused). */
    final Matrix[] deltas;
    final Matrix[][] deltaSteps;
    /** The regularizer's chains beside them (alpha > 0), laid out the same way. */
    final Matrix[] omegaDeltas;
    final Matrix[][] omegaDeltaSteps;
    /** Per step l < T-1: the terms of ell_l that do not run down the chain (through q and z_{l+1}). */
    final Matrix[] deltaAbove;
    final Matrix[] deltaTarget;
    final Matrix[] targetTanh;
    final boolean[] withOmega;
    /** The frontier of the alive chains, stacked, and the product that advances it one step; prefixes of k blocks. */
    private Matrix[] frontier;
    private Matrix[] advanced;
    private Matrix[] frontierBlocks;
    private Matrix[] advancedBlocks;

    ReleasedChains(int length, int batch, int hidden, boolean regularized) {
        this.batch = batch;
        deltas = new Matrix[length];
        deltaSteps = new Matrix[length][];
        omegaDeltas = new Matrix[length];
        omegaDeltaSteps = new Matrix[length][];
        chainsIn(Matrix.zeros(rowsOfAllChains(length, batch), hidden), length, batch, deltas, deltaSteps);
        if (regularized) {
            chainsIn(Matrix.zeros(rowsOfAllChains(length, batch), hidden), length, batch, omegaDeltas, omegaDeltaSteps);
        }
        deltaAbove = stepBlocks(length, batch, hidden);
        deltaTarget = stepBlocks(length, batch, hidden);
        targetTanh = stepBlocks(length, batch, hidden);
        withOmega = new boolean[length];
        int maxBlocks = (regularized ? 2 : 1) * (length - 1);
        Matrix[] stacks = {Matrix.zeros(maxBlocks * batch, hidden), Matrix.zeros(maxBlocks * batch, hidden)};
        frontier = prefixes(stacks[0], maxBlocks);
        advanced = prefixes(stacks[1], maxBlocks);
        frontierBlocks = blocks(stacks[0], maxBlocks);
        advancedBlocks = blocks(stacks[1], maxBlocks);
    }

    boolean fits(int length, int batch, int hidden, boolean regularized) {
        return deltas.length == length && this.batch == batch && deltas[1].cols == hidden && (omegaDeltas[1] != null) == regularized;
    }

    /** Block k of the frontier (rows k B to (k+1) B). */
    Matrix frontierBlock(int k) {
        return frontierBlocks[k];
    }

    /** The first k blocks of the frontier and of the product that advances them. */
    Matrix frontier(int k) {
        return frontier[k];
    }

    Matrix advanced(int k) {
        return advanced[k];
    }

    /** Block k of the advanced frontier. */
    Matrix advancedBlock(int k) {
        return advancedBlocks[k];
    }

    /** The advanced frontier becomes the frontier. */
    void swap() {
        Matrix[] p = frontier;
        frontier = advanced;
        advanced = p;
        Matrix[] b = frontierBlocks;
        frontierBlocks = advancedBlocks;
        advancedBlocks = b;
    }

    private static int rowsOfAllChains(int length, int batch) {
        return (length * (length + 1) / 2 - 1) * batch;
    }

    private static void chainsIn(Matrix all, int length, int batch, Matrix[] chains, Matrix[][] steps) {
        int row = 0;
        for (int l = 1; l < length; l++) {
            chains[l] = all.rows(row, row + (l + 1) * batch);
            steps[l] = new Matrix[l + 1];
            for (int t = 0; t <= l; t++) {
                steps[l][t] = chains[l].rows(t * batch, (t + 1) * batch);
            }
            row += (l + 1) * batch;
        }
    }

    private static Matrix[] stepBlocks(int length, int batch, int hidden) {
        Matrix all = Matrix.zeros(length * batch, hidden);
        Matrix[] blocks = new Matrix[length];
        for (int t = 0; t < length; t++) {
            blocks[t] = all.rows(t * batch, (t + 1) * batch);
        }
        return blocks;
    }

    private Matrix[] prefixes(Matrix stack, int maxBlocks) {
        Matrix[] p = new Matrix[maxBlocks + 1];
        for (int k = 1; k <= maxBlocks; k++) {
            p[k] = stack.rows(0, k * batch);
        }
        return p;
    }

    private Matrix[] blocks(Matrix stack, int maxBlocks) {
        Matrix[] b = new Matrix[maxBlocks];
        for (int k = 0; k < maxBlocks; k++) {
            b[k] = stack.rows(k * batch, (k + 1) * batch);
        }
        return b;
    }
}
