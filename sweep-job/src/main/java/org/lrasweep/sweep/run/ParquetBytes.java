package org.lrasweep.sweep.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet file built in memory. A journal file holds one trial's rows (a few kilobytes to a few
 * megabytes), so it is made whole before the file system sees it: the commit protocols then publish
 * finished bytes, which is what a conditional PUT needs.
 */
final class ParquetBytes {
    /** The rows of one file. */
    interface Rows {
        void writeTo(ParquetWriter<Group> writer) throws IOException;
    }

    private ParquetBytes() {
    }

    static byte[] of(MessageType schema, Configuration conf, Rows rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        OutputFile file = new OutputFile() {
            @Override
            public PositionOutputStream create(long blockSizeHint) {
                return new PositionOutputStream() {
                    @Override
                    public long getPos() {
                        return bytes.size();
                    }

                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }
                };
            }

            @Override
            public PositionOutputStream createOrOverwrite(long blockSizeHint) {
                return create(blockSizeHint);
            }

            @Override
            public boolean supportsBlockSize() {
                return false;
            }

            @Override
            public long defaultBlockSize() {
                return 0;
            }
        };
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(file).withType(schema).withConf(conf)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            rows.writeTo(w);
        }
        return bytes.toByteArray();
    }
}
