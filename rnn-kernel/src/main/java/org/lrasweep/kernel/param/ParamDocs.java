package org.lrasweep.kernel.param;

/**
 * The trial parameters as documentation, generated from their declarations: the Markdown table
 * README shows between {@link #BEGIN} and {@link #END} (a test keeps the two equal).
 */
public final class ParamDocs {
    /** The line before the generated table in README. */
    public static final String BEGIN = "<!-- parameters: generated from TrialParameters by `submit/kernel params`; do not edit -->";
    /** The line after it. */
    public static final String END = "<!-- end of parameters -->";

    private ParamDocs() {
    }

    /** One row per parameter: spec key, column, type, scope, default, rule and meaning. */
    public static String markdownTable() {
        StringBuilder s = new StringBuilder();
        s.append("| spec key | column | type | trials | default | valid | meaning |\n");
        s.append("|---|---|---|---|---|---|---|\n");
        for (Param<?> p : TrialParameters.ALL) {
            String type = p.type() == Param.Type.NAME ? String.join(" \\| ", p.names()) : p.type().word();
            String valid = p.ruleText() == null ? "" : p.ruleText().replace("must be ", "");
            String doc = p.doc() + (p.identity() == Param.Identity.UNLESS_DEFAULT ? " (in the trial id only when not the default)" : "");
            s.append("| `").append(p.key()).append("` | `").append(p.column()).append("` | ").append(type).append(" | ")
                    .append(p.scope().describe()).append(" | ").append(p.canonical(p.defaultValue())).append(" | ")
                    .append(valid).append(" | ").append(doc).append(" |\n");
        }
        return s.toString();
    }
}
