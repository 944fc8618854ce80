package io.rankstack.server.model;

import io.rankstack.ltr.lambdamart.LambdaMartCodec;
import io.rankstack.ltr.lambdamart.LambdaMartModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The LambdaMART versions under {@code data-dir/models/<name>/<version>/} and the active one.
 * Versions are immutable directories; activating one loads it fully first and then swaps one
 * reference, so no request sees a half-loaded model (DESIGN.md). The active version survives a
 * restart through the {@code ACTIVE} file. Loaded models stay open until shutdown: requests that
 * still hold the previous model keep a valid booster (models are small).
 */
public final class ModelRegistry implements VersionedModels, AutoCloseable {
  private final VersionFolders folders;
  private final Path root;
  private final Map<String, LambdaMartModel> loaded = new ConcurrentHashMap<>();
  private final AtomicReference<Active> active = new AtomicReference<>();
  private volatile java.util.function.Consumer<String> onActivate = v -> { };

  /** The model that serves and its version. */
  public record Active(String version, LambdaMartModel model) {}

  /** @param root {@code data-dir/models/<name>} */
  public ModelRegistry(Path root) {
    this.root = root;
    this.folders = new VersionFolders(root, LambdaMartCodec.METADATA_FILE);
  }

  /** Version directories that hold a model, oldest first (versions sort by name: a UTC timestamp). */
  @Override
  public List<String> versions() {
    return folders.versions();
  }

  /** The version named in {@code ACTIVE}, else the newest, if any. */
  public Optional<String> preferredVersion() {
    return folders.preferred();
  }

  /**
   * Loads {@code version} (when not loaded yet) and makes it the active model.
   *
   * @throws java.util.NoSuchElementException when there is no such version
   */
  public Active activate(String version) {
    if (!versions().contains(version)) {
      throw new java.util.NoSuchElementException("no model version '" + version + "' under " + root
          + "; versions: " + versions());
    }
    LambdaMartModel m = loaded.computeIfAbsent(version, v -> LambdaMartCodec.load(root.resolve(v)));
    Active a = new Active(version, m);
    active.set(a);
    onActivate.accept(version);
    folders.recordActive(version);
    return a;
  }

  /** Saves a newly trained model as {@code version} (a new directory) without activating it. */
  public void save(String version, LambdaMartModel model) {
    Path dir = root.resolve(version);
    if (Files.exists(dir)) {
      throw new IllegalStateException("model version " + version + " exists already; versions are immutable");
    }
    LambdaMartCodec.save(model, dir);
    loaded.put(version, model);
  }

  /** Called with the version after each activation (for the model-version metric). */
  public void onActivate(java.util.function.Consumer<String> listener) {
    this.onActivate = java.util.Objects.requireNonNull(listener);
    Active a = active.get();
    if (a != null) {
      listener.accept(a.version());
    }
  }

  /** The active model, or null when none is active yet. */
  public Active active() {
    return active.get();
  }

  /** Where versions live. */
  @Override
  public Path root() {
    return root;
  }

  /** The model of a loaded version, if loaded. */
  public Optional<LambdaMartModel> loaded(String version) {
    return Optional.ofNullable(loaded.get(version));
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
    loaded.values().forEach(LambdaMartModel::close);
    loaded.clear();
  }
}
