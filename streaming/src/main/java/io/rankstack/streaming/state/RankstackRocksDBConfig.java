package io.rankstack.streaming.state;

import io.rankstack.streaming.StreamingConfig;
import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/**
 * The one RocksDB tuning hook of the learn loop (Kafka Streams' {@link RocksDBConfigSetter}):
 * <ul>
 *   <li><b>Block cache</b>: one LRU cache of {@value StreamingConfig#ROCKSDB_BLOCK_CACHE_BYTES}
 *       bytes (default 64 MiB) shared by every store of this JVM, so memory stays bounded however
 *       many partitions (and so store instances) an instance owns. Index and filter blocks live
 *       in it too.</li>
 *   <li><b>Compression</b>: {@value StreamingConfig#ROCKSDB_COMPRESSION}, default LZ4 (cheap on CPU;
 *       counters and join entries compress well).</li>
 *   <li><b>Bloom filters</b>: {@value StreamingConfig#ROCKSDB_BLOOM_BITS} bits per key (default 10,
 *       about 1% false positives), which makes the point lookups of the join (is there an impression
 *       with this id?) skip files that do not hold the key.</li>
 * </ul>
 * Kafka Streams 4.1.2 runs on RocksDB 10.10.1.1 here; the removed options
 * {@code maxWriteBufferNumberToMaintain} and {@code randomAccessMaxBufferSize} are not used.
 *
 * <p>The cache is static because RocksDB's way to share one cache between databases is to hand
 * the same native object to each; it is created once per JVM with the first store's settings and
 * never closed (it lives as long as the stores).
 */
public final class RankstackRocksDBConfig implements RocksDBConfigSetter {
  private static Cache sharedCache;
  private BloomFilter filter;

  private static synchronized Cache cache(long bytes) {
    if (sharedCache == null) {
      sharedCache = new LRUCache(bytes);
    }
    return sharedCache;
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    long cacheBytes = longOf(configs.get(StreamingConfig.ROCKSDB_BLOCK_CACHE_BYTES), 64L << 20);
    String compression = String.valueOf(configs.getOrDefault(StreamingConfig.ROCKSDB_COMPRESSION, "lz4"));
    int bloomBits = (int) longOf(configs.get(StreamingConfig.ROCKSDB_BLOOM_BITS), 10);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache(cacheBytes));
    table.setCacheIndexAndFilterBlocks(true);
    table.setPinL0FilterAndIndexBlocksInCache(true);
    if (bloomBits > 0) {
      filter = new BloomFilter(bloomBits);
      table.setFilterPolicy(filter);
    }
    options.setTableFormatConfig(table);
    options.setCompressionType(switch (compression) {
      case "zstd" -> CompressionType.ZSTD_COMPRESSION;
      case "snappy" -> CompressionType.SNAPPY_COMPRESSION;
      case "none" -> CompressionType.NO_COMPRESSION;
      default -> CompressionType.LZ4_COMPRESSION;
    });
  }

  private static long longOf(Object o, long dflt) {
    return o == null ? dflt : Long.parseLong(o.toString().trim());
  }

  @Override
  public void close(String storeName, Options options) {
    if (filter != null) {
      filter.close();
    }
  }
}
