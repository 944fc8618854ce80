package io.rankstack.eval.ope;

import java.util.Locale;

/**
 * The estimators by their command-line names. Single-action kinds estimate the expected reward per
 * slot; slate kinds the expected total reward per impression.
 */
public enum EstimatorKind {
  DM(false), IPS(false), SNIPS(false), DR(false), SWITCH_DR(false),
  SIPS(true), IIPS(true), RIPS(true), CASCADE_DR(true);

  private final boolean slate;

  EstimatorKind(boolean slate) {
    this.slate = slate;
  }

  /** Whether the kind estimates a whole slate's reward. */
  public boolean slate() {
    return slate;
  }

  /** The command-line name: lower case with dashes, e.g. {@code switch-dr}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind with command-line name {@code name} (case-insensitive). */
  public static EstimatorKind parse(String name) {
    for (EstimatorKind k : values()) {
      if (k.cliName().equalsIgnoreCase(name.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown estimator '" + name + "'; expected one of dm, ips, snips, dr, switch-dr,"
        + " sips, iips, rips, cascade-dr");
  }

  /**
   * The estimator of this kind.
   *
   * @param tau switch-DR's threshold (ignored by the others)
   */
  public Estimator create(TargetPolicy policy, RewardModel.Fitter fitter, double tau) {
    return switch (this) {
      case DM -> new DirectMethod(policy, fitter);
      case IPS -> new InversePropensityScoring(policy);
      case SNIPS -> new SelfNormalizedIps(policy);
      case DR -> new DoublyRobust(policy, fitter);
      case SWITCH_DR -> new DoublyRobust(policy, fitter, tau);
      case SIPS -> new SlateIps(policy, SlateIps.Kind.STANDARD);
      case IIPS -> new SlateIps(policy, SlateIps.Kind.INDEPENDENT);
      case RIPS -> new SlateIps(policy, SlateIps.Kind.REWARD_INTERACTION);
      case CASCADE_DR -> new CascadeDoublyRobust(policy, fitter);
    };
  }
}
