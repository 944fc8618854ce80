package io.rankstack.server.model;

import java.util.Map;

/**
 * Progress of the latest training of a model (the admin API's training status).
 *
 * @param phase   idle, queued, extracting, training, saved, failed
 * @param percent 0–100 through the phase sequence
 * @param detail  words for a person
 * @param version the version trained (when saved)
 * @param metrics the model's training metrics (when saved)
 */
public record TrainingStatus(String phase, int percent, String detail, String version, Map<String, ?> metrics) {}
