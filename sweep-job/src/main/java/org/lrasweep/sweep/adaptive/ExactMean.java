package org.lrasweep.sweep.adaptive;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The mean of a double column, the same to the last bit however Spark partitions and orders the
 * rows. Spark's {@code avg} of doubles adds in partition order, so a mean moves in its last bits
 * when the partitioning changes (and a tie-break on it can flip); here the values are summed
 * exactly as decimals (18 places, ample for accuracies, which are k / test-size) and only the
 * quotient is rounded back to a double.
 */
public final class ExactMean {
    private ExactMean() {
    }

    /** The mean of the column's non-null values as a double; null where there are none. */
    public static Column of(Column values) {
        return functions.avg(values.cast(DataTypes.createDecimalType(38, 18))).cast(DataTypes.DoubleType);
    }
}
