package io.rankstack.server.model;

import io.rankstack.rerank.RerankModel;
import io.rankstack.rerank.Reranker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The neural reranker's versions under {@code data-dir/models/<rerank.model>/<version>/} (each a
 * {@link RerankModel#save} folder with {@code model.json}) and the active one, swapped atomically.
 *
 * <p>A replaced version is not closed until the registry is: a request may still be scoring with
 * one of its predictors, and closing a DJL predictor under a running forward pass is undefined.
 * Activations are rare admin operations, so the memory kept is bounded by the versions activated.
 */
public final class RerankRegistry implements VersionedModels, AutoCloseable {
  private final VersionFolders folders;
  private final Path root;
  private final int poolSize;
  private final int batchSize;
  private final AtomicReference<Active> active = new AtomicReference<>();
  private final List<Active> retired = new CopyOnWriteArrayList<>();

  /** The active version and its thread-safe reranker. */
  public record Active(String version, RerankModel model, Reranker reranker) {}

  /**
   * @param root      {@code data-dir/models/<name>}
   * @param poolSize  predictors per version (requests reranked concurrently)
   * @param batchSize pairs per forward pass
   */
  public RerankRegistry(Path root, int poolSize, int batchSize) {
    this.root = root;
    this.folders = new VersionFolders(root, "model.json");
    this.poolSize = poolSize;
    this.batchSize = batchSize;
  }

  @Override
  public Path root() {
    return root;
  }

  /** Version folders that hold a {@code model.json}, oldest first (names are UTC timestamps). */
  @Override
  public List<String> versions() {
    return folders.versions();
  }

  /** The version named in {@code ACTIVE}, else the newest, if any. */
  public Optional<String> preferredVersion() {
    return folders.preferred();
  }

  /** Saves a trained model as a new version folder without activating it. */
  public void save(String version, RerankModel model) {
    Path dir = root.resolve(version);
    if (Files.exists(dir)) {
      throw new IllegalStateException("reranker version " + version + " exists already under " + root);
    }
    model.save(dir);
  }

  /**
   * Loads {@code version} fully, then makes it the active one and records it in {@code ACTIVE}.
   *
   * @throws NoSuchElementException when there is no such version
   */
  public Active activate(String version) {
    if (!versions().contains(version)) {
      throw new NoSuchElementException("no reranker version '" + version + "' under " + root + "; versions: " + versions());
    }
    Active a = activate(version, RerankModel.load(root.resolve(version)));
    folders.recordActive(version);
    return a;
  }

  /** Makes an already loaded model the active one under {@code version} (the registry closes it). */
  public Active activate(String version, RerankModel model) {
    Active a = new Active(version, model, new Reranker(model, poolSize, batchSize));
    Active old = active.getAndSet(a);
    if (old != null) {
      retired.add(old);
    }
    return a;
  }

  /** The active version, or null before the first activation. */
  public Active active() {
    return active.get();
  }

  @Override
  public String activeVersion() {
    Active a = active();
    return a == null ? null : a.version();
  }

  @Override
  public String activateVersion(String version) {
    return activate(version).version();
  }

  @Override
  public void close() {
    List<Active> all = new ArrayList<>(retired);
    Active a = active.getAndSet(null);
    if (a != null) {
      all.add(a);
    }
    for (Active x : all) {
      x.reranker().close();
      x.model().close();
    }
  }
}
