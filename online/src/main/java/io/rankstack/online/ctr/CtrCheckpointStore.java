package io.rankstack.online.ctr;

import io.rankstack.streaming.state.RankstackRocksDBConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The learner's checkpoints in a RocksDB database of its own. {@link #write} puts the model, the
 * router, the offsets and the ledger in one {@link WriteBatch}, so after a crash the database holds
 * either the old checkpoint or the new one, never a model with another checkpoint's offsets. Writes
 * are synced to the WAL. Tuned by the learn loop's {@link RankstackRocksDBConfig} (shared block
 * cache, LZ4, Bloom filters). Not thread-safe; one process at a time (RocksDB's lock).
 */
public final class CtrCheckpointStore implements AutoCloseable {
  static final String STORE = "rankstack-ctr-checkpoints";
  private static final byte[] MODEL = key("model");
  private static final byte[] ROUTER = key("router");
  private static final byte[] OFFSETS = key("offsets");
  private static final byte[] LEDGER = key("ledger");

  static {
    RocksDB.loadLibrary();
  }

  private final Options options;
  private final RankstackRocksDBConfig tuning;
  private final RocksDB db;
  private final WriteOptions sync = new WriteOptions().setSync(true);

  private CtrCheckpointStore(Options options, RankstackRocksDBConfig tuning, RocksDB db) {
    this.options = options;
    this.tuning = tuning;
    this.db = db;
  }

  /** Opens (creating if needed) the store in {@code dir}. */
  public static CtrCheckpointStore open(Path dir) {
    // Kafka Streams hands the config setter options with a block-based table config; so do we.
    Options options = new Options().setCreateIfMissing(true).setTableFormatConfig(new BlockBasedTableConfig());
    try {
      Files.createDirectories(dir);
      RankstackRocksDBConfig tuning = new RankstackRocksDBConfig();
      tuning.setConfig(STORE, options, Map.of());
      return new CtrCheckpointStore(options, tuning, RocksDB.open(options, dir.toString()));
    } catch (IOException e) {
      options.close();
      throw new UncheckedIOException(e);
    } catch (RocksDBException e) {
      options.close();
      throw new IllegalStateException("cannot open the CTR checkpoint store in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes the whole checkpoint atomically. */
  public void write(CtrCheckpoint c) {
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(MODEL, c.model());
      batch.put(ROUTER, c.router());
      batch.put(OFFSETS, encodeOffsets(c.offsets()));
      batch.put(LEDGER, encodeLedger(c));
      db.write(sync, batch);
    } catch (RocksDBException e) {
      throw new IllegalStateException("writing CTR checkpoint " + c.version() + " failed: " + e.getMessage(), e);
    }
  }

  /** The last checkpoint written, if any. */
  public Optional<CtrCheckpoint> read() {
    try {
      byte[] ledger = db.get(LEDGER);
      if (ledger == null) {
        return Optional.empty();
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(ledger))) {
        long version = in.readLong();
        long trained = in.readLong();
        long digest = in.readLong();
        long rejected = in.readLong();
        return Optional.of(new CtrCheckpoint(version, db.get(MODEL), db.get(ROUTER), decodeOffsets(db.get(OFFSETS)),
            trained, digest, rejected));
      }
    } catch (RocksDBException e) {
      throw new IllegalStateException("reading the CTR checkpoint failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("corrupt CTR checkpoint ledger: " + e.getMessage(), e);
    }
  }

  private static byte[] encodeLedger(CtrCheckpoint c) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      out.writeLong(c.version());
      out.writeLong(c.trained());
      out.writeLong(c.digest());
      out.writeLong(c.rejected());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  private static byte[] encodeOffsets(Map<Integer, Long> offsets) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      out.writeInt(offsets.size());
      for (Map.Entry<Integer, Long> e : offsets.entrySet()) {
        out.writeInt(e.getKey());
        out.writeLong(e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  private static Map<Integer, Long> decodeOffsets(byte[] data) throws IOException {
    Map<Integer, Long> m = new TreeMap<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        m.put(in.readInt(), in.readLong());
      }
    }
    return m;
  }

  private static byte[] key(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    db.close();
    sync.close();
    tuning.close(STORE, options);
    options.close();
  }
}
