package org.lrasweep.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lrasweep.kernel.train.CurvePoint;
import org.lrasweep.kernel.train.DiagnosticsPoint;
import org.lrasweep.kernel.train.TrialConfig;
import org.lrasweep.kernel.train.TrialResult;

/** The JSON form of configs and results; non-finite numbers are written as null. */
final class ResultJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultJson() {
    }

    /** Every parameter of the trial's algorithm, by column name. */
    static ObjectNode config(TrialConfig c) {
        ObjectNode n = MAPPER.createObjectNode();
        c.values().asMap().forEach((param, value) -> {
            if (value != null) {
                n.set(param.column(), MAPPER.valueToTree(value));
            }
        });
        return n;
    }

    static ObjectNode result(TrialResult r, boolean withSeries) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("config", config(r.config()));
        n.put("status", r.status().label()).put("iterations", r.iterations());
        if (r.solvedAt() >= 0) {
            n.put("solved_at", r.solvedAt());
        } else {
            n.putNull("solved_at");
        }
        number(n, "best_accuracy", r.bestAccuracy());
        if (r.bestIteration() >= 0) {
            n.put("best_iteration", r.bestIteration());
        } else {
            n.putNull("best_iteration");
        }
        n.put("collapsed", r.collapsed());
        number(n, "final_accuracy", r.finalAccuracy());
        number(n, "final_test_loss", r.finalTestLoss());
        n.put("wall_seconds", r.wallSeconds()).put("omega_zero_events", r.omegaZeroEvents());
        if (withSeries) {
            ArrayNode curve = n.putArray("curve");
            for (CurvePoint p : r.curve()) {
                ObjectNode row = curve.addObject().put("iteration", p.iteration());
                number(row, "train_loss", p.trainLoss());
                number(row, "target_loss", p.targetLoss());
                number(row, "test_loss", p.testLoss());
                number(row, "test_accuracy", p.testAccuracy());
            }
            ArrayNode diags = n.putArray("gradients");
            for (DiagnosticsPoint d : r.diagnostics()) {
                ObjectNode row = diags.addObject().put("iteration", d.iteration());
                if (d.steps().localLosses() != null) {
                    numbers(row.putArray("local_loss"), d.steps().localLosses());
                }
                numbers(row.putArray("whh_norm"), d.steps().whhNorms());
                numbers(row.putArray("wxh_norm"), d.steps().wxhNorms());
                numbers(row.putArray("bh_norm"), d.steps().bhNorms());
            }
        }
        return n;
    }

    static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }

    private static void numbers(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }
}
